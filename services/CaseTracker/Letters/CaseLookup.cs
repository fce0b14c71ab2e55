using CaseTracker.EventStore;
using CaseTracker.Pipeline;

namespace CaseTracker.Letters;

public static class CaseLookup
{
    /// <summary>The case an agency registered under a 申请编号 (its unique claim), or a clear refusal.</summary>
    public static async Task<Guid> FindAsync(IEventStore store, string agency, string number, CancellationToken ct)
    {
        var claim = UniqueClaim.CaseNumber(agency, number);
        var claims = await store.ClaimsAsync(UniqueClaim.CaseNumberScope, ct);
        return claims.TryGetValue(claim.Key, out var stream) && CaseStreams.CaseIdOf(stream) is { } id
            ? id
            : throw new UserError("申请编号", $"“{agency.Trim()}”没有编号为“{number.Trim()}”的案件。");
    }
}

using CaseTracker.EventStore;

namespace CaseTracker.Agencies;

/// <summary>What intake proposes as the next 编号 of an agency, and from what.</summary>
/// <param name="Number">The proposal; null when the agency has no 编号规则.</param>
public sealed record NumberProposal(string Agency, string? Code, string? Pattern, int Year, int? Sequence, string? Number);

/// <summary>
/// The next 编号 of an agency (issue 9 item 4): its pattern filled with the year and one more than the highest sequence
/// the pattern has given that agency that year, so numbers already taken, whether proposed or typed in, are skipped.
/// The taken numbers are the store's own case-number claims, the set that refuses a duplicate. A proposal only:
/// the caseworker may type another number, and the store still refuses one already taken.
/// </summary>
public sealed class NextCaseNumber(AgencyDirectory agencies, IEventStore store)
{
    public async Task<NumberProposal> ProposeAsync(Agency agency, int year, CancellationToken ct) =>
        Propose(agency, year, agency.NumberPattern is null ? [] : (await store.ClaimsAsync(UniqueClaim.CaseNumberScope, ct)).Keys);

    private static NumberProposal Propose(Agency agency, int year, IEnumerable<string> claims)
    {
        if (agency.NumberPattern is null)
        {
            return new NumberProposal(agency.Name, agency.Code, null, year, null, null);
        }

        var pattern = CaseNumberPattern.Parse(agency.NumberPattern);
        var highest = claims
            .Select(key => new UniqueClaim(UniqueClaim.CaseNumberScope, key).AsCaseNumber())
            .Where(c => c?.Agency == agency.Name)
            .Select(c => pattern.SequenceOf(c!.Value.Number, year, agency.Code))
            .Max() ?? 0;
        var next = highest + 1;
        return new NumberProposal(agency.Name, agency.Code, pattern.Text, year, next, pattern.Format(year, agency.Code, next));
    }

    /// <summary>The proposals for the agencies named (those with a pattern), by name: what the intake form is prefilled with.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ProposeAllAsync(IEnumerable<string> names, int year, CancellationToken ct)
    {
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var numbered = (await agencies.ListAsync(ct)).Where(a => wanted.Contains(a.Name) && a.NumberPattern is not null).ToList();
        var claims = numbered.Count == 0 ? [] : (await store.ClaimsAsync(UniqueClaim.CaseNumberScope, ct)).Keys.ToList();
        foreach (var agency in numbered)
        {
            if (Propose(agency, year, claims).Number is { } number)
            {
                result[agency.Name] = number;
            }
        }

        return result;
    }
}

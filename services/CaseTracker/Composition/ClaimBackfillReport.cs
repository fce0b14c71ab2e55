using CaseTracker.EventStore;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.Composition;

/// <summary>
/// Once, on the run that applies migration 0013 (编号 unique per agency): the cases that already shared a number with an
/// earlier case of their agency. They keep their events; the earlier case holds the number.
/// </summary>
public static class ClaimBackfillReport
{
    public static async Task PrintAsync(SqlEventStore store, TextWriter output, CancellationToken ct)
    {
        if (!store.MigrationsApplied.Contains("0013_unique_claims"))
        {
            return;
        }

        var duplicates = await store.ClaimDuplicatesAsync(ct);
        if (duplicates.Count == 0)
        {
            return;
        }

        await output.WriteLineAsync(
            $"提示：同一机关的编号自本版本起必须唯一。已有 {duplicates.Count} 件案件与本机关更早登记的案件编号相同，"
            + "保留原样，编号归更早的案件：");
        foreach (var (claim, stream, holder) in duplicates)
        {
            var (agency, number) = claim.AsCaseNumber() ?? ("", claim.Key);
            await output.WriteLineAsync($"  {agency} 编号“{number}”：案件 {Case(stream)}（与案件 {Case(holder)} 相同）");
        }
    }

    private static string Case(string stream) => CaseStreams.CaseIdOf(stream)?.ToString() ?? stream;
}

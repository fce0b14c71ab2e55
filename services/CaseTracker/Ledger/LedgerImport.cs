using CaseTracker.Agencies;
using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;
using CaseTracker.Ledger.Import;
using CaseTracker.ReadModels;

namespace CaseTracker.Ledger;

public sealed record LedgerImportResult(
    int CasesCreated, int CasesExtended, int EventsWritten, IReadOnlyList<string> AgenciesRegistered, IReadOnlyList<LedgerProblem> Problems);

/// <summary>
/// Writes a checked ledger into the store: per case only the milestones its stream lacks, through the same decider as
/// live entry; each event marked with the file and row it came from. Nothing is written when any case would be refused,
/// a new case whose 编号 its agency already gave to another case (registered on the web, say) included; the store
/// enforces that too (claims), should one be registered while the file is written.
/// </summary>
public sealed class LedgerImport(IEventStore store, StreamIndex streams, AgencyDirectory agencies, CasePolicy policy)
{
    /// <summary>Cases per transaction: each chunk is atomic, and a chunk cut short by a crash is completed by importing again.</summary>
    private const int ChunkSize = 2000;

    public async Task<LedgerImportResult> WriteAsync(
        LedgerImportPlan plan, string fileName, string actor, IProgress<ReplayProgress>? progress, CancellationToken ct)
    {
        var correlation = Guid.NewGuid();
        var batches = new List<(PlannedCase Case, long Version, IReadOnlyList<NewEvent> Events, IReadOnlyList<UniqueClaim> Claims)>();
        var problems = new List<LedgerProblem>();
        var known = await streams.VersionsAsync(ct);
        var numbers = await store.ClaimsAsync(UniqueClaim.CaseNumberScope, ct);
        foreach (var planned in plan.CasesToImport)
        {
            var stream = CaseStreams.For(planned.CaseId);
            var history = known.ContainsKey(stream) ? await store.ReadStreamAsync(stream, ct) : [];
            var state = CaseDecider.Fold(history.Select(e => e.Event));
            var delta = LedgerIncrement.NewCommands(planned, state, policy);
            problems.AddRange(delta.Problems);
            if (delta.Problems.Count > 0 || delta.Commands.Count == 0)
            {
                continue;
            }

            var metadata = new EventMetadata(actor, correlation, null, new Dictionary<string, string>
            {
                ["import.file"] = fileName,
                ["import.row"] = planned.Row.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            var events = delta.Events.Select(e => new NewEvent(Guid.NewGuid(), e, metadata)).ToList();
            var claims = UniqueClaim.Of(delta.Events);
            if (claims.FirstOrDefault(c => numbers.TryGetValue(c.Key, out var holder) && holder != stream) is { } taken)
            {
                problems.Add(NumberTaken(planned.Row, new AppendResult.Duplicate(taken, stream, numbers[taken.Key])));
                continue;
            }

            batches.Add((planned, history.Count == 0 ? 0 : history[^1].StreamVersion, events, claims));
        }

        if (problems.Count > 0)
        {
            return new LedgerImportResult(0, 0, 0, [], problems);
        }

        var registered = await agencies.RegisterNewAsync(plan.Agencies, actor, ct);
        var (created, extended, written) = (0, 0, 0);
        foreach (var chunk in batches.Chunk(ChunkSize))
        {
            var appends = chunk.Select(b => new StreamAppend(CaseStreams.For(b.Case.CaseId),
                b.Version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(b.Version), b.Events, b.Claims)).ToList();
            var result = await store.AppendManyAsync(appends, ct);
            if (result is AppendResult.Conflict conflict)
            {
                var row = chunk.First(b => CaseStreams.For(b.Case.CaseId) == conflict.StreamId).Case.Row;
                problems.Add(new LedgerProblem(row, null,
                    $"导入期间本案被他人修改（当前版本 {conflict.ActualVersion}），本行及同批 {chunk.Length} 行未导入："
                    + "请重新导入本文件，已导入的内容不会重复。"));
                continue;
            }

            if (result is AppendResult.Duplicate duplicate)
            {
                // Registered elsewhere (the web, the API) while this file was being imported.
                var row = chunk.First(b => CaseStreams.For(b.Case.CaseId) == duplicate.StreamId).Case.Row;
                problems.Add(NumberTaken(row, duplicate) with
                {
                    Reason = CaseNumberTaken.Message(duplicate)
                        + $"本行及同批 {chunk.Length} 行未导入：请处理本行后重新导入本文件，已导入的内容不会重复。",
                });
                continue;
            }

            created += chunk.Count(b => b.Version == 0);
            extended += chunk.Count(b => b.Version > 0);
            written += chunk.Sum(b => b.Events.Count);
            progress?.Report(new ReplayProgress(created + extended, batches.Count));
        }

        return new LedgerImportResult(created, extended, written, registered, problems);
    }

    private static LedgerProblem NumberTaken(int row, AppendResult.Duplicate duplicate) =>
        new(row, LedgerColumns.Number, CaseNumberTaken.Message(duplicate));
}

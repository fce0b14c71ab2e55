using CaseTracker.Agencies;
using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Projections;
using CaseTracker.Ledger.Import;
using CaseTracker.ReadModels;

namespace CaseTracker.Ledger;

public sealed record LedgerImportResult(
    int CasesCreated, int CasesExtended, int EventsWritten, IReadOnlyList<string> AgenciesRegistered, IReadOnlyList<LedgerProblem> Problems)
{
    /// <summary>Imports that were cut short (killed, crashed) before this one: see <see cref="LedgerImportRun"/>.</summary>
    public IReadOnlyList<LedgerImportRun> Interrupted { get; init; } = [];
}

/// <summary>
/// The journal of an import while it writes (collection <see cref="Collection"/>, one document per import): written
/// before the first chunk, brought up to date after each, deleted when the import ends. One left behind is an import
/// that was killed half-way; importing the same file again completes it (each case gets only the milestones it lacks)
/// and clears it, and every import says which ones it found.
/// </summary>
public sealed record LedgerImportRun(string File, string Actor, DateTimeOffset StartedAt, int Cases, int CasesWritten)
{
    public const string Collection = "ledger-imports";
}

/// <summary>
/// Writes a checked ledger into the store: per case only the milestones its stream lacks, through the same decider as
/// live entry; each event marked with the file and row it came from. Nothing is written when any case would be refused,
/// a new case whose 编号 its agency already gave to another case (registered on the web, say) included; the store
/// enforces that too (claims), should one be registered while the file is written.
/// </summary>
/// <param name="journal">Where the import keeps its <see cref="LedgerImportRun"/> journal (none: not journaled).</param>
public sealed class LedgerImport(IEventStore store, StreamIndex streams, AgencyDirectory agencies, CasePolicy policy, DocumentStore? journal = null)
{
    /// <summary>Cases per transaction: each chunk is atomic, and a chunk cut short by a crash is completed by importing again.</summary>
    public int ChunkSize { get; init; } = 2000;

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

        var interrupted = journal is null ? [] : await journal.ListAsync<LedgerImportRun>(LedgerImportRun.Collection, ct);
        if (problems.Count > 0)
        {
            return new LedgerImportResult(0, 0, 0, [], problems) { Interrupted = interrupted.Select(d => d.Value).ToList() };
        }

        var key = correlation.ToString("N");
        var run = new LedgerImportRun(fileName, actor, DateTimeOffset.UtcNow, batches.Count, 0);
        if (journal is not null && batches.Count > 0)
        {
            await journal.PutAsync(LedgerImportRun.Collection, key, run, actor, ct: ct);
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
            if (journal is not null)
            {
                await journal.PutAsync(LedgerImportRun.Collection, key, run with { CasesWritten = created + extended }, actor, ct: ct);
            }

            progress?.Report(new ReplayProgress(created + extended, batches.Count));
        }

        // Not in a finally: an import that fails half-way leaves its journal behind, to be found by the next one.
        if (journal is not null)
        {
            await journal.DeleteAsync(LedgerImportRun.Collection, key, ct);
            if (problems.Count == 0)
            {
                // Every case of this file now holds every milestone of its row: earlier cut-short imports of it are complete.
                foreach (var earlier in interrupted.Where(d => d.Value.File == fileName))
                {
                    await journal.DeleteAsync(LedgerImportRun.Collection, earlier.Key, ct);
                }
            }
        }

        return new LedgerImportResult(created, extended, written, registered, problems) { Interrupted = interrupted.Select(d => d.Value).ToList() };
    }

    private static LedgerProblem NumberTaken(int row, AppendResult.Duplicate duplicate) =>
        new(row, LedgerColumns.Number, CaseNumberTaken.Message(duplicate));
}

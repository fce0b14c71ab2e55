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
/// enforces that too (claims), should one be registered while the file is written. Memory holds two chunks of cases
/// and events at a time (one written, the next decided meanwhile) (and, for a plan without its cases, each row's key: <see cref="LedgerImportOptions.KeepCases"/>).
/// </summary>
/// <param name="journal">Where the import keeps its <see cref="LedgerImportRun"/> journal (none: not journaled).</param>
public sealed class LedgerImport(IEventStore store, StreamIndex streams, AgencyDirectory agencies, CasePolicy policy, DocumentStore? journal = null)
{
    /// <summary>The default <see cref="ChunkSize"/>.</summary>
    public const int DefaultChunkSize = 20_000;

    /// <summary>
    /// Cases per transaction: each chunk is atomic, and a chunk cut short by a crash is completed by importing again.
    /// Larger chunks write less: case ids, event ids and 编号 are random keys, so each transaction rewrites most pages of
    /// their indexes, and 20,000 cases a transaction write a third of what 2,000 do (100,000 rows on SQLite: 580 MB
    /// against 1.94 GB). Memory holds two chunks' cases and events: the one being written and the next, decided meanwhile.
    /// </summary>
    public int ChunkSize { get; set; } = DefaultChunkSize;

    /// <summary>Writes a plan that holds its cases (<see cref="LedgerImportPlan.HoldsCases"/>).</summary>
    public Task<LedgerImportResult> WriteAsync(
        LedgerImportPlan plan, string fileName, string actor, IProgress<ReplayProgress>? progress, CancellationToken ct) =>
        plan.HoldsCases
            ? WriteAsync(plan, () => plan.CasesToImport, fileName, actor, progress, ct)
            : throw new ArgumentException("这份导入计划未保留各行的办理环节：请用读取台账文件的重载写入。", nameof(plan));

    /// <summary>
    /// Writes a plan made with <see cref="LedgerImportOptions.KeepCases"/> off: its cases are read again from the file
    /// (<paramref name="open"/>, with the <paramref name="options"/> it was planned with), a chunk at a time, so memory
    /// holds one chunk's cases and events, not the ledger's.
    /// </summary>
    public Task<LedgerImportResult> WriteAsync(
        LedgerImportPlan plan, Func<Stream> open, LedgerImportOptions options, string actor, IProgress<ReplayProgress>? progress, CancellationToken ct) =>
        WriteAsync(plan, () => ReadAgain(open, options, plan), options.FileName, actor, progress, ct);

    private static IEnumerable<PlannedCase> ReadAgain(Func<Stream> open, LedgerImportOptions options, LedgerImportPlan plan)
    {
        using var stream = open();
        foreach (var planned in LedgerImporter.ReadCases(stream, options, plan))
        {
            yield return planned;
        }
    }

    /// <summary>
    /// Checks every case against the store first, writing nothing (a case its stored history contradicts, a 编号 another
    /// case holds), then writes chunk by chunk, deciding each chunk's cases on their histories as it goes.
    /// </summary>
    private async Task<LedgerImportResult> WriteAsync(
        LedgerImportPlan plan, Func<IEnumerable<PlannedCase>> cases, string fileName, string actor, IProgress<ReplayProgress>? progress, CancellationToken ct)
    {
        var correlation = Guid.NewGuid();
        var rows = plan.RowsToImport;
        var interrupted = journal is null ? [] : await journal.ListAsync<LedgerImportRun>(LedgerImportRun.Collection, ct);
        var problems = await CheckAsync(rows, cases, ct);
        if (problems.Count > 0)
        {
            return new LedgerImportResult(0, 0, 0, [], problems) { Interrupted = interrupted.Select(d => d.Value).ToList() };
        }

        var key = correlation.ToString("N");
        var run = new LedgerImportRun(fileName, actor, DateTimeOffset.UtcNow, rows.Count, 0);
        if (journal is not null && rows.Count > 0)
        {
            await journal.PutAsync(LedgerImportRun.Collection, key, run, actor, ct: ct);
        }

        var registered = await agencies.RegisterNewAsync(plan.Agencies, actor, ct);
        var (created, extended, written, done) = (0, 0, 0, 0);
        using var chunks = cases().Chunk(ChunkSize).GetEnumerator();
        var writing = new Writing(correlation, fileName, actor);

        // The next chunk is read and decided on another thread while this one is written: the chunks hold different cases,
        // so what one writes changes nothing the next is decided on. The enumerator is only ever moved by that one task.
        Task<Decided?> DecideNextAsync() => Task.Run(
            async () =>
            {
                if (!chunks.MoveNext())
                {
                    return null;
                }

                var chunk = chunks.Current;
                var (batches, refused) = await DecideAsync(chunk, writing, ct);
                return new Decided(chunk, batches, refused);
            }, ct);

        var pending = DecideNextAsync();
        try
        {
            while (await pending is { } decided)
            {
                pending = DecideNextAsync();
                await WriteChunkAsync(decided);
            }
        }
        finally
        {
            // Cut short (an exception, a cancellation): the chunk being decided is dropped, and not left running on the file.
            await pending.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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

        async Task WriteChunkAsync(Decided decided)
        {
            var (chunk, batches, refused) = decided;
            // Only when the store changed since the check (a case edited meanwhile): the case is left out, the rest written.
            problems.AddRange(refused);
            var appends = batches.Select(b => new StreamAppend(CaseStreams.For(b.Case.CaseId),
                b.Version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(b.Version), b.Events, b.Claims)).ToList();
            var result = appends.Count == 0 ? new AppendResult.Appended(0, null, 0) : await store.AppendManyAsync(appends, ct);
            if (result is AppendResult.Conflict conflict)
            {
                var row = batches.First(b => CaseStreams.For(b.Case.CaseId) == conflict.StreamId).Case.Row;
                problems.Add(new LedgerProblem(row, null,
                    $"导入期间本案被他人修改（当前版本 {conflict.ActualVersion}），本行及同批 {batches.Count} 行未导入："
                    + "请重新导入本文件，已导入的内容不会重复。"));
                return;
            }

            if (result is AppendResult.Duplicate duplicate)
            {
                // Registered elsewhere (the web, the API) while this file was being imported.
                var row = batches.First(b => CaseStreams.For(b.Case.CaseId) == duplicate.StreamId).Case.Row;
                problems.Add(NumberTaken(row, duplicate) with
                {
                    Reason = CaseNumberTaken.Message(duplicate)
                        + $"本行及同批 {batches.Count} 行未导入：请处理本行后重新导入本文件，已导入的内容不会重复。",
                });
                return;
            }

            created += batches.Count(b => b.Version == 0);
            extended += batches.Count(b => b.Version > 0);
            written += batches.Sum(b => b.Events.Count);
            done += chunk.Length;
            if (journal is not null)
            {
                await journal.PutAsync(LedgerImportRun.Collection, key, run with { CasesWritten = done }, actor, ct: ct);
            }

            progress?.Report(new ReplayProgress(done, rows.Count));
        }
    }

    /// <summary>
    /// What would refuse the import, writing nothing: a 编号 another case holds (every row, a chunk of keys per query), and,
    /// when some of the cases exist already, what their stored histories contradict (those cases decided on them: for a
    /// plan without its cases, the file is read once more). A new case cannot be refused here: the plan ran its row
    /// through the decider already.
    /// </summary>
    private async Task<List<LedgerProblem>> CheckAsync(IReadOnlyList<PlannedRow> rows, Func<IEnumerable<PlannedCase>> cases, CancellationToken ct)
    {
        var problems = new List<LedgerProblem>();
        var anyStored = false;
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            anyStored |= (await streams.VersionsOfAsync(chunk.Select(r => CaseStreams.For(r.CaseId)).ToList(), ct)).Count > 0;
            var claims = chunk.Select(r => (r.Row, Stream: CaseStreams.For(r.CaseId), Claim: UniqueClaim.CaseNumber(r.Key.Agency, r.Key.Number))).ToList();
            var holders = await streams.ClaimHoldersAsync(UniqueClaim.CaseNumberScope, claims.Select(c => c.Claim.Key).Distinct().ToList(), ct);
            problems.AddRange(claims
                .Where(c => holders.TryGetValue(c.Claim.Key, out var holder) && holder != c.Stream)
                .Select(c => NumberTaken(c.Row, new AppendResult.Duplicate(c.Claim, c.Stream, holders[c.Claim.Key]))));
        }

        if (anyStored)
        {
            foreach (var chunk in cases().Chunk(ChunkSize))
            {
                problems.AddRange((await DecideAsync(chunk, null, ct)).Refused);
            }
        }

        return [.. problems.OrderBy(p => p.Row)];
    }

    private sealed record Writing(Guid Correlation, string FileName, string Actor);

    private sealed record Decided(PlannedCase[] Chunk, List<Batch> Batches, List<LedgerProblem> Refused);

    private sealed record Batch(PlannedCase Case, long Version, IReadOnlyList<NewEvent> Events, IReadOnlyList<UniqueClaim> Claims);

    /// <summary>Each case of a chunk decided on its stored history: the events it lacks (none: left out), or why it is refused.</summary>
    private async Task<(List<Batch> Batches, List<LedgerProblem> Refused)> DecideAsync(PlannedCase[] chunk, Writing? writing, CancellationToken ct)
    {
        var batches = new List<Batch>();
        var refused = new List<LedgerProblem>();
        var versions = await streams.VersionsOfAsync(chunk.Select(c => CaseStreams.For(c.CaseId)).ToList(), ct);
        foreach (var planned in chunk)
        {
            var stream = CaseStreams.For(planned.CaseId);
            var history = versions.ContainsKey(stream) ? await store.ReadStreamAsync(stream, ct) : [];
            var delta = LedgerIncrement.NewCommands(planned, CaseDecider.Fold(history.Select(e => e.Event)), policy);
            refused.AddRange(delta.Problems);
            if (delta.Problems.Count > 0 || delta.Commands.Count == 0 || writing is null)
            {
                continue;
            }

            var metadata = new EventMetadata(writing.Actor, writing.Correlation, null, new Dictionary<string, string>
            {
                ["import.file"] = writing.FileName,
                ["import.row"] = planned.Row.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            batches.Add(new Batch(planned, history.Count == 0 ? 0 : history[^1].StreamVersion,
                delta.Events.Select(e => new NewEvent(NewEvent.NewId(), e, metadata)).ToList(), UniqueClaim.Of(delta.Events)));
        }

        return (batches, refused);
    }

    private static LedgerProblem NumberTaken(int row, AppendResult.Duplicate duplicate) =>
        new(row, LedgerColumns.Number, CaseNumberTaken.Message(duplicate));
}

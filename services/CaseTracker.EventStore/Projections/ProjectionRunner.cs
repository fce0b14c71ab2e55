using System.Data.Common;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.EventStore.Projections;

/// <summary>
/// Feeds one projection from the global log. Each page of events is applied in one transaction together with the
/// checkpoint, so every event counts exactly once even across crashes.
/// </summary>
public sealed partial class ProjectionRunner(IEventStore store, IReadModelDatabase database, IProjection projection)
{
    /// <summary>Events per transaction when catching up: bigger pages mean fewer commits and fewer reads of the log.</summary>
    public int PageSize { get; init; } = 2000;

    /// <summary>
    /// Events per transaction of <see cref="CatchUpTogetherAsync"/> (several pages) by default: each commit is a
    /// durable write of every read-model page it touched, and keys such as case ids and applicants' hashes are random,
    /// so a commit per page rewrites much of the read models once per page. The checkpoints still commit with the rows.
    /// </summary>
    public const int EventsPerTransaction = 20_000;

    /// <summary>How long a catch-up waits for commits made before it began to show in the log, and how often it looks.</summary>
    private static readonly TimeSpan HiddenPatience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan HiddenRetry = TimeSpan.FromMilliseconds(25);

    /// <summary>The name of the projection this runner feeds (its checkpoint's key).</summary>
    public string Name => projection.Name;

    private IEventStore Store => store;

    private IReadModelDatabase Database => database;

    /// <summary>Applies everything after the checkpoint, then returns how many events it applied (not another runner).</summary>
    public async Task<long> CatchUpAsync(IProgress<ReplayProgress>? progress = null, CancellationToken ct = default)
    {
        var checkpoint = await LoadCheckpointAsync(ct);
        var total = progress is null ? 0 : await store.CountAfterAsync(checkpoint, ct);
        long done = 0;
        while (true)
        {
            var page = await store.ReadAllAsync(checkpoint, PageSize, ct);
            if (page.Count == 0)
            {
                return done;
            }

            (checkpoint, var applied) = await ApplyAsync(page, ct);
            done += applied;
            progress?.Report(new ReplayProgress(done, Math.Max(done, total)));
        }
    }

    /// <summary>Catches up from the checkpoint, then follows the log until cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var page in store.SubscribeToAllAsync(await LoadCheckpointAsync(ct), ct))
            {
                await ApplyAsync(page, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Follows the log for several runners of one store and database until cancelled, with one subscription: each page
    /// the log delivers is applied to every runner behind it in one write transaction with their checkpoints (as
    /// <see cref="CatchUpTogetherAsync"/> does), so an append wakes one reader and costs one commit for all the read
    /// models instead of one per read model — on SQLite, where writers queue for one lock, a command no longer waits
    /// behind a write per read model. Each runner applies only what lies after its own checkpoint inside the
    /// transaction, so another process's runners (a command-line rebuild) never make an event count twice.
    /// </summary>
    public static async Task RunTogetherAsync(IReadOnlyList<ProjectionRunner> runners, CancellationToken ct)
    {
        if (runners.Count == 0)
        {
            return;
        }

        var (store, database) = SharedStoreOf(runners);
        try
        {
            await foreach (var page in store.SubscribeToAllAsync(await LowestCheckpointAsync(runners, ct), ct))
            {
                await using var connection = await database.OpenConnectionAsync(ct);
                await using var tx = await database.BeginDerivedWriteAsync(connection, ct);
                var applied = 0;
                foreach (var runner in runners)
                {
                    applied += await runner.ApplyInAsync(connection, tx, page, ct);
                }

                if (applied > 0)
                {
                    await tx.CommitAsync(ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Reset + replay: deletes the rows and the checkpoint, then applies the whole log.</summary>
    public async Task<long> RebuildAsync(IProgress<ReplayProgress>? progress = null, CancellationToken ct = default)
    {
        await ResetAsync(ct);
        return await CatchUpAsync(progress, ct);
    }

    /// <summary>Deletes the rows and the checkpoint.</summary>
    public async Task ResetAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await database.BeginWriteAsync(connection, ct);
        await using (var context = new ProjectionContext(connection, tx, database.Sql, store))
        {
            await projection.ResetAsync(context, ct);
        }

        await database.SaveCheckpointAsync(connection, tx, projection.Name, LogPosition.Start, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Catches several runners of one store and database up over a single read of the log: each page is read (and its
    /// events deserialized) once and applied to every runner behind it, all in one transaction with their checkpoints,
    /// so a page costs one read, and several pages (<see cref="EventsPerTransaction"/>) one durable commit instead of one per read model and page. Each runner still applies only
    /// what lies after its own checkpoint as it stands inside the transaction. Returns the events applied, summed over
    /// the runners (as calling <see cref="CatchUpAsync"/> on each would). Behind by <paramref name="bulkFrom"/> events or more
    /// (the caller's choice: a command-line catch-up after an import, not a request waiting for its read models) it
    /// takes the bulk path first (ProjectionRunner.Bulk.cs), in transactions of <paramref name="bulkEventsPerTransaction"/>,
    /// writing each read model's staged rows every <paramref name="bulkKeysPerFlush"/> keys.
    /// </summary>
    public static async Task<long> CatchUpTogetherAsync(
        IReadOnlyList<ProjectionRunner> runners, IProgress<ReplayProgress>? progress = null, CancellationToken ct = default,
        int eventsPerTransaction = EventsPerTransaction, long bulkFrom = long.MaxValue, int bulkEventsPerTransaction = BulkEventsPerTransaction,
        int bulkKeysPerFlush = BulkKeysPerFlush)
    {
        if (runners.Count == 0)
        {
            return 0;
        }

        var (store, database) = SharedStoreOf(runners);
        var position = await LowestCheckpointAsync(runners, ct);

        // What was committed when the catch-up began: it goes at least that far (see below), progress or not.
        var total = await store.CountAfterAsync(position, ct);
        var hiddenSince = (System.Diagnostics.Stopwatch?)null;
        long done = 0;
        long applied = 0;
        while (total - done >= bulkFrom)
        {
            var bulk = await BulkAsync(runners, reset: false, progress, done, total, bulkEventsPerTransaction, bulkKeysPerFlush, ct);
            if (bulk.Read == 0)
            {
                break;
            }

            (done, applied) = (done + bulk.Read, applied + bulk.Applied);
            position = await LowestCheckpointAsync(runners, ct);
        }

        var pageSize = runners.Max(r => r.PageSize);
        DbConnection? connection = null;
        DbTransaction? tx = null;
        var inTransaction = 0;
        try
        {
            while (true)
            {
                var page = await store.ReadAllAsync(position, pageSize, ct);
                if (page.Count == 0 && done < total && (hiddenSince ??= System.Diagnostics.Stopwatch.StartNew()).Elapsed < HiddenPatience)
                {
                    // Committed before the catch-up began but not shown yet (PostgreSQL: an older transaction elsewhere on
                    // the server hides newer commits for a moment): a catch-up that stopped here would leave the read
                    // models short of what the caller just wrote (an import, a command it must check against). What is
                    // applied commits first, so that the wait holds no write transaction.
                    if (tx is not null)
                    {
                        await tx.CommitAsync(ct);
                        await tx.DisposeAsync();
                        (tx, inTransaction) = (null, 0);
                    }

                    await Task.Delay(HiddenRetry, ct);
                    continue;
                }

                if (page.Count == 0)
                {
                    break;
                }

                hiddenSince = null;
                connection ??= await database.OpenConnectionAsync(ct);
                tx ??= await database.BeginWriteAsync(connection, ct);
                foreach (var runner in runners)
                {
                    applied += await runner.ApplyInAsync(connection, tx, page, ct);
                }

                inTransaction += page.Count;
                if (inTransaction >= eventsPerTransaction)
                {
                    await tx.CommitAsync(ct);
                    await tx.DisposeAsync();
                    (tx, inTransaction) = (null, 0);
                }

                position = page[^1].Position;
                done += page.Count;
                progress?.Report(new ReplayProgress(done, Math.Max(done, total)));
            }

            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }

            return applied;
        }
        finally
        {
            if (tx is not null)
            {
                await tx.DisposeAsync();
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static (IEventStore Store, IReadModelDatabase Database) SharedStoreOf(IReadOnlyList<ProjectionRunner> runners)
    {
        var (store, database) = (runners[0].Store, runners[0].Database);
        return runners.Any(r => r.Store != store || r.Database != database)
            ? throw new ArgumentException("Runners run together must share one store and one database.", nameof(runners))
            : (store, database);
    }

    /// <summary>Where the runner furthest behind stands: runners run together read the log from there.</summary>
    private static async Task<LogPosition> LowestCheckpointAsync(IReadOnlyList<ProjectionRunner> runners, CancellationToken ct)
    {
        var position = await runners[0].LoadCheckpointAsync(ct);
        foreach (var runner in runners.Skip(1))
        {
            var checkpoint = await runner.LoadCheckpointAsync(ct);
            position = checkpoint < position ? checkpoint : position;
        }

        return position;
    }

    public async Task<ProjectionStatus> StatusAsync(CancellationToken ct = default)
    {
        var checkpoint = await LoadCheckpointAsync(ct);
        return new ProjectionStatus(projection.Name, checkpoint, await store.CountAfterAsync(checkpoint, ct));
    }

    private async Task<LogPosition> LoadCheckpointAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await database.LoadCheckpointAsync(connection, null, projection.Name, ct);
    }

    /// <summary>
    /// Applies the events of the page after the checkpoint as it stands inside the transaction, so that two runners
    /// of one projection (a server and a command-line rebuild) never apply an event twice.
    /// </summary>
    private async Task<(LogPosition Checkpoint, int Applied)> ApplyAsync(IReadOnlyList<EventEnvelope> page, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await database.BeginWriteAsync(connection, ct);
        var applied = await ApplyInAsync(connection, tx, page, ct);
        if (applied == 0)
        {
            return (await database.LoadCheckpointAsync(connection, tx, projection.Name, ct), 0);
        }

        await tx.CommitAsync(ct);
        return (page[^1].Position, applied);
    }

    /// <summary>The page's events after this runner's checkpoint, applied inside the caller's transaction with the new checkpoint.</summary>
    private async Task<int> ApplyInAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<EventEnvelope> page, CancellationToken ct)
    {
        if (database.Sql.Find("projection_lock") is { } lockSql)
        {
            await connection.ExecuteAsync(tx, lockSql, ct, ("name", projection.Name));
        }

        var checkpoint = await database.LoadCheckpointAsync(connection, tx, projection.Name, ct);
        var fresh = page.Where(e => e.Position > checkpoint).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        await using (var context = new ProjectionContext(connection, tx, database.Sql, store))
        {
            await projection.ApplyPageAsync(fresh, context, ct);
        }

        await database.SaveCheckpointAsync(connection, tx, projection.Name, page[^1].Position, ct);
        return fresh.Count;
    }
}

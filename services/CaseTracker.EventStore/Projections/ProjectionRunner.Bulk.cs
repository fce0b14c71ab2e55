using System.Data.Common;
using System.Threading.Channels;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.EventStore.Projections;

/// <summary>
/// The bulk path (issue 14): a rebuild, or a catch-up behind by at least <see cref="BulkFrom"/> events (after a ledger
/// import), applies up to <see cref="BulkEventsPerTransaction"/> events in ONE write transaction with the checkpoints,
/// instead of a commit per 20,000 events: case ids and applicants' hashes are random keys, so each commit rewrote most of
/// the read models' index pages (GBs written for a few hundred MB of rows). Inside it: a page cache large enough for
/// every page the load dirties (<c>bulk_begin.sql</c>, SQLite), the secondary indexes of an empty read model dropped and
/// built again after the load (one sort instead of random inserts; same definitions, same transaction), one prepared
/// command per script for the whole load, and the log read and deserialized ahead on another thread while the pages
/// are applied. The rows are those of the incremental path: each projection gets the same pages through
/// <see cref="IProjection.ApplyPageAsync"/>. A crash or cancellation rolls the whole transaction back (a rebuild's
/// reset included), so the read models stay as they were and the next catch-up or rebuild does the work again; a
/// runner of the host beside it waits for the transaction (SQLite's write lock, <c>projection_lock</c> on
/// PostgreSQL) and then sees the checkpoints it committed.
/// </summary>
public sealed partial class ProjectionRunner
{
    /// <summary>The lag from which <see cref="CatchUpTogetherAsync"/> takes the bulk path when its caller asks for it.</summary>
    public const long BulkFrom = 20_000;

    /// <summary>
    /// Events per bulk transaction at most: SQLite has one writer, and an append waits at most its busy timeout (30 s)
    /// for the write lock, so a load is cut in transactions of this size (a few seconds each); the rest continues.
    /// </summary>
    public const int BulkEventsPerTransaction = 300_000;

    /// <summary>
    /// Keys a read model stages (ProjectionContext.Staged.cs) before the runner writes them, in the bulk transaction:
    /// memory holds the rows of this many keys per read model, not those of every key the transaction touches.
    /// </summary>
    public const int BulkKeysPerFlush = 20_000;

    private const int BulkPageSize = 5_000;

    private IProjection Projection => projection;

    /// <summary>
    /// Reset + replay of several runners of one store and database: the reset and (up to
    /// <see cref="BulkEventsPerTransaction"/> events of) the replay commit together, so a rebuild cut short leaves the
    /// read models as they were, and a host's runner never applies a page to half-reset read models.
    /// </summary>
    public static async Task<long> RebuildTogetherAsync(
        IReadOnlyList<ProjectionRunner> runners, IProgress<ReplayProgress>? progress = null, CancellationToken ct = default,
        int bulkEventsPerTransaction = BulkEventsPerTransaction, int bulkKeysPerFlush = BulkKeysPerFlush)
    {
        if (runners.Count == 0)
        {
            return 0;
        }

        var (store, _) = SharedStoreOf(runners);
        var total = await store.CountAfterAsync(LogPosition.Start, ct);
        var (read, applied) = await BulkAsync(runners, reset: true, progress, 0, total, bulkEventsPerTransaction, bulkKeysPerFlush, ct);

        // What lies beyond the first transaction (a long log), or came since: a catch-up, in bulk while still far behind.
        var rest = progress is null ? null : new Progress(p => progress.Report(new ReplayProgress(read + p.Done, Math.Max(read + p.Done, total))));
        return applied + await CatchUpTogetherAsync(runners, rest, ct,
            bulkFrom: Math.Min(BulkFrom, bulkEventsPerTransaction), bulkEventsPerTransaction: bulkEventsPerTransaction, bulkKeysPerFlush: bulkKeysPerFlush);
    }

    /// <summary>One bulk transaction: returns the events read from the log and the events applied (summed over the runners).</summary>
    private static async Task<(long Read, long Applied)> BulkAsync(
        IReadOnlyList<ProjectionRunner> runners, bool reset, IProgress<ReplayProgress>? progress, long doneBefore, long total,
        int maxEvents, int keysPerFlush, CancellationToken ct)
    {
        var (store, database) = SharedStoreOf(runners);
        await using var connection = await database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await database.BeginWriteAsync(connection, ct);
            if (database.Sql.Find("bulk_begin") is { } begin)
            {
                await connection.ExecuteAsync(tx, begin, ct);
            }

            var contexts = runners.Select(_ => new ProjectionContext(connection, tx, database.Sql, store) { Bulk = true }).ToList();
            try
            {
                if (reset && database.Sql.Find("bulk_truncate") is { } truncate)
                {
                    // PostgreSQL: emptied at once (the resets below then delete nothing), rolled back with the rest if cut short.
                    var tables = string.Join(", ", runners.SelectMany(r => r.Projection.Tables).Distinct(StringComparer.Ordinal));
                    if (tables.Length > 0)
                    {
                        await connection.ExecuteAsync(tx, truncate.Replace("{tables}", tables, StringComparison.Ordinal), ct);
                    }
                }

                var checkpoints = new LogPosition[runners.Count];
                for (var i = 0; i < runners.Count; i++)
                {
                    if (database.Sql.Find("projection_lock") is { } lockSql)
                    {
                        await connection.ExecuteAsync(tx, lockSql, ct, ("name", runners[i].Name));
                    }

                    if (reset)
                    {
                        await runners[i].Projection.ResetAsync(contexts[i], ct);
                        checkpoints[i] = LogPosition.Start;
                    }
                    else
                    {
                        checkpoints[i] = await database.LoadCheckpointAsync(connection, tx, runners[i].Name, ct);
                    }
                }

                var empty = await EmptyTablesAsync(connection, tx, runners.Where((_, i) => checkpoints[i] == LogPosition.Start).SelectMany(r => r.Projection.Tables), ct);
                for (var i = 0; i < runners.Count; i++)
                {
                    contexts[i].Empty = runners[i].Projection.Tables.All(empty.Contains);
                }

                var deferred = await DropIndexesAsync(connection, tx, database.Sql, empty, ct);
                deferred.AddRange(await DropFtsTriggersAsync(connection, tx, database.Sql, empty, ct));
                var from = checkpoints.Aggregate((a, b) => b < a ? b : a);
                var (read, applied, last, touched) = await ApplyReadAheadAsync(runners, contexts, checkpoints, store, from, maxEvents, keysPerFlush,
                    done => progress?.Report(new ReplayProgress(doneBefore + done, Math.Max(doneBefore + done, total))), ct);

                foreach (var context in contexts)
                {
                    // The keys staged since the last flush, in key order, into tables whose indexes are built just below.
                    await context.FlushAsync(ct);
                }

                foreach (var create in deferred)
                {
                    await connection.ExecuteAsync(tx, create, ct);
                }

                for (var i = 0; i < runners.Count; i++)
                {
                    if (touched[i] || reset)
                    {
                        await database.SaveCheckpointAsync(connection, tx, runners[i].Name, touched[i] ? last : checkpoints[i], ct);
                    }
                }

                ct.ThrowIfCancellationRequested();
                await tx.CommitAsync(ct);
                return (read, applied);
            }
            finally
            {
                foreach (var context in contexts)
                {
                    await context.DisposeAsync();
                }
            }
        }
        finally
        {
            if (database.Sql.Find("bulk_end") is { } end)
            {
                // The connection goes back to the pool: its ordinary settings again.
                await connection.ExecuteAsync(null, end, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Applies the log from <paramref name="from"/> (at most <paramref name="maxEvents"/>), read a few pages ahead on another
    /// thread (which goes on reading while staged rows are written); a read model's staged rows are written once it holds
    /// <paramref name="keysPerFlush"/> keys (pages are no longer than that either).
    /// </summary>
    private static async Task<(long Read, long Applied, LogPosition Last, bool[] Touched)> ApplyReadAheadAsync(
        IReadOnlyList<ProjectionRunner> runners, List<ProjectionContext> contexts, LogPosition[] checkpoints, IEventStore store,
        LogPosition from, int maxEvents, int keysPerFlush, Action<long> report, CancellationToken ct)
    {
        var pages = Channel.CreateBounded<IReadOnlyList<EventEnvelope>>(new BoundedChannelOptions(3) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pageSize = Math.Clamp(keysPerFlush, 1, BulkPageSize);
        var reading = Task.Run(() => ReadAheadAsync(store, from, maxEvents, pageSize, pages.Writer, stop.Token), CancellationToken.None);
        var touched = new bool[runners.Count];
        var (read, applied, last) = (0L, 0L, from);
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(ct))
            {
                for (var i = 0; i < runners.Count; i++)
                {
                    var checkpoint = checkpoints[i];
                    var fresh = page[0].Position > checkpoint ? page : page.Where(e => e.Position > checkpoint).ToList();
                    if (fresh.Count == 0)
                    {
                        continue;
                    }

                    await runners[i].Projection.ApplyPageAsync(fresh, contexts[i], ct);
                    applied += fresh.Count;
                    touched[i] = true;
                    if (contexts[i].StagedKeys >= keysPerFlush)
                    {
                        await contexts[i].FlushAsync(ct);
                    }
                }

                last = page[^1].Position;
                read += page.Count;
                report(read);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading;
        }

        return (read, applied, last, touched);
    }

    private static async Task ReadAheadAsync(
        IEventStore store, LogPosition from, int maxEvents, int pageSize, ChannelWriter<IReadOnlyList<EventEnvelope>> pages, CancellationToken ct)
    {
        try
        {
            var (position, read) = (from, 0L);
            while (read < maxEvents)
            {
                var page = await store.ReadAllAsync(position, (int)Math.Min(pageSize, maxEvents - read), ct);
                if (page.Count == 0)
                {
                    break;
                }

                await pages.WriteAsync(page, ct);
                (position, read) = (page[^1].Position, read + page.Count);
            }

            pages.Complete();
        }
        catch (Exception e)
        {
            pages.Complete(e);
        }
    }

    /// <summary>Those of the tables that hold no row.</summary>
    private static async Task<HashSet<string>> EmptyTablesAsync(DbConnection connection, DbTransaction tx, IEnumerable<string> tables, CancellationToken ct)
    {
        var empty = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in tables.Distinct(StringComparer.Ordinal))
        {
            if ((await connection.QueryAsync(tx, $"SELECT 1 FROM {table} LIMIT 1", _ => 1, ct)).Count == 0)
            {
                empty.Add(table);
            }
        }

        return empty;
    }

    /// <summary>
    /// Drops the secondary indexes (not those of a primary key or UNIQUE constraint) of each of the (empty) tables,
    /// inside the transaction; returns their definitions, run again after the load.
    /// </summary>
    private static async Task<List<string>> DropIndexesAsync(
        DbConnection connection, DbTransaction tx, SqlScripts sql, IEnumerable<string> tables, CancellationToken ct)
    {
        var deferred = new List<string>();
        if (sql.Find("secondary_indexes") is not { } list)
        {
            return deferred;
        }

        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            foreach (var (name, create) in await connection.QueryAsync(tx, list, r => (r.GetString(0), r.GetString(1)), ct, ("table", table)))
            {
                await connection.ExecuteAsync(tx, $"DROP INDEX \"{name}\"", ct);
                deferred.Add(create);
            }
        }

        return deferred;
    }

    /// <summary>
    /// SQLite: drops the triggers by which an external-content FTS5 index follows one of the (empty) tables, inside the
    /// transaction; returns what runs after the load: the index built once from the table (<c>'rebuild'</c>: one pass
    /// instead of a segment per few rows merged again and again) and the triggers created again.
    /// </summary>
    private static async Task<List<string>> DropFtsTriggersAsync(
        DbConnection connection, DbTransaction tx, SqlScripts sql, IEnumerable<string> tables, CancellationToken ct)
    {
        var deferred = new List<string>();
        if (sql.Find("bulk_fts_triggers") is not { } list)
        {
            return deferred;
        }

        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            var triggers = await connection.QueryAsync(tx, list, r => (Fts: r.GetString(0), Name: r.GetString(1), Create: r.GetString(2)), ct, ("table", table));
            foreach (var fts in triggers.Select(t => t.Fts).Distinct(StringComparer.Ordinal))
            {
                deferred.Add($"INSERT INTO \"{fts}\" (\"{fts}\") VALUES ('rebuild')");
            }

            foreach (var (_, name, create) in triggers)
            {
                await connection.ExecuteAsync(tx, $"DROP TRIGGER \"{name}\"", ct);
                deferred.Add(create);
            }
        }

        return deferred;
    }

    /// <summary>Reports synchronously (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class Progress(Action<ReplayProgress> report) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value) => report(value);
    }
}

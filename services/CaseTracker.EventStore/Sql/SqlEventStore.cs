using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Serialization;

namespace CaseTracker.EventStore.Sql;

/// <summary>
/// What the SQL adapters share: the append protocol, reads, checkpoints, erasure and the subscription loop. Each
/// adapter supplies connections, its write transaction, its wake-up signal and the scripts of its dialect.
/// </summary>
public abstract partial class SqlEventStore(SqlScripts sql, TimeProvider time) : IEventStore, ICheckpointStore, IReadModelDatabase, IAsyncDisposable
{
    public SqlScripts Sql { get; } = sql;

    /// <summary>The migrations this store applied when it was opened (empty when the schema was already current).</summary>
    public IReadOnlyList<string> MigrationsApplied { get; protected set; } = [];

    /// <summary>How many events one read of the global log returns at most.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Test hook: called after each event row is written, inside the append's transaction.</summary>
    internal Action<int>? AfterEventWritten { get; set; }

    /// <summary>How long a subscriber waits for a wake-up before looking again anyway.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>After a wake-up that finds nothing visible yet: up to <see cref="MaxRereads"/> looks this far apart (≈ 5 s).</summary>
    private static readonly TimeSpan RereadDelay = TimeSpan.FromMilliseconds(25);

    private const int MaxRereads = 200;

    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken ct);

    /// <summary>A transaction that may write; on SQLite it takes the write lock up front.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Something that completes when events may have been appended (or the poll interval passed).</summary>
    protected abstract Task<IEventWaiter> ListenAsync(CancellationToken ct);

    protected virtual void OnAppended()
    {
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    public async Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(
        string streamId, ReadDirection direction, long from, int maxCount, CancellationToken ct = default)
    {
        var script = direction == ReadDirection.Forwards ? "read_stream_forwards" : "read_stream_backwards";
        await using var connection = await OpenConnectionAsync(ct);
        return await connection.QueryAsync(null, Sql[script], Map, ct, ("stream", streamId), ("from", from), ("max", (long)maxCount));
    }

    public virtual async Task<IReadOnlyList<EventEnvelope>> ReadAllAsync(LogPosition after, int maxCount, CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        return await connection.QueryAsync(null, Sql["read_all"], Map, ct, ("commit", after.Commit), ("prepare", after.Prepare), ("max", (long)maxCount));
    }

    public async IAsyncEnumerable<IReadOnlyList<EventEnvelope>> SubscribeToAllAsync(LogPosition after, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var waiter = await ListenAsync(ct);
        var position = after;
        // The start is like a wake-up: a commit made before this subscriber listened may still be hidden (PostgreSQL: an
        // older open transaction on the server), and its notification is gone, so look again soon for a while.
        var rereads = MaxRereads;
        while (!ct.IsCancellationRequested)
        {
            var page = await ReadAllAsync(position, PageSize, ct);
            if (page.Count == 0 && rereads > 0)
            {
                // Woken by an append whose events the log does not show yet (on PostgreSQL an older open transaction
                // anywhere on the server hides newer commits for a moment): look again soon rather than after a poll.
                rereads--;
                await Task.Delay(RereadDelay, ct);
                continue;
            }

            if (page.Count == 0)
            {
                var waited = System.Diagnostics.Stopwatch.StartNew();
                await waiter.WaitAsync(PollInterval, ct);
                rereads = waited.Elapsed < PollInterval ? MaxRereads : 0;
                continue;
            }

            rereads = 0;

            position = page[^1].Position;
            yield return page;
        }
    }

    public async Task<long> CountAfterAsync(LogPosition after, CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        var count = await connection.ScalarAsync(null, Sql["count_after"], ct, ("commit", after.Commit), ("prepare", after.Prepare));
        return Convert.ToInt64(count, CultureInfo.InvariantCulture);
    }

    public async Task<bool> ErasePersonalDataAsync(Guid subjectId, CancellationToken ct = default)
    {
        int deleted;
        await using (var connection = await OpenConnectionAsync(ct))
        {
            // The key and what read models derived from the personal data (subject_rows_delete.sql) go together.
            await using var tx = await BeginWriteAsync(connection, ct);
            deleted = await connection.ExecuteAsync(tx, Sql["key_delete"], ct, ("subject", subjectId));
            if (Sql.Find("subject_rows_delete") is { } derived)
            {
                await connection.ExecuteAsync(tx, derived, ct, ("subject", subjectId));
            }

            await tx.CommitAsync(ct);
        }

        if (Sql.Find("after_erasure") is { } afterErasure)
        {
            await using var connection = await OpenConnectionAsync(ct);
            await connection.ExecuteAsync(null, afterErasure, ct);
        }

        return deleted > 0;
    }

    public async Task<LogPosition> LoadCheckpointAsync(string name, CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        return await LoadCheckpointAsync(connection, null, name, ct);
    }

    public async Task SaveCheckpointAsync(string name, LogPosition position, CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await SaveCheckpointAsync(connection, null, name, position, ct);
    }

    public async Task<LogPosition> LoadCheckpointAsync(DbConnection connection, DbTransaction? tx, string name, CancellationToken ct)
    {
        var rows = await connection.QueryAsync(tx, Sql["checkpoint_select"], r => new LogPosition(r.GetInt64(0), r.GetInt64(1)), ct, ("name", name));
        return rows.Count == 0 ? LogPosition.Start : rows[0];
    }

    public Task SaveCheckpointAsync(DbConnection connection, DbTransaction? tx, string name, LogPosition position, CancellationToken ct) =>
        connection.ExecuteAsync(tx, Sql["checkpoint_upsert"], ct, ("name", name), ("commit", position.Commit), ("prepare", position.Prepare));

    private static EventEnvelope Map(DbDataReader r)
    {
        var eventId = r.GetGuid(2);
        var type = r.GetString(5);
        var schemaVersion = r.GetInt32(6);
        var key = r.IsDBNull(14) ? null : r.GetFieldValue<byte[]>(14);
        return new EventEnvelope(
            eventId,
            r.GetString(3),
            r.GetInt64(4),
            new LogPosition(r.GetInt64(0), r.GetInt64(1)),
            type,
            schemaVersion,
            r.GetFieldValue<DateOnly>(7),
            r.GetFieldValue<DateTimeOffset>(8),
            r.GetString(9),
            r.GetGuid(10),
            r.IsDBNull(11) ? null : r.GetGuid(11),
            EventSerializer.DeserializeMetadata(r.GetString(13)),
            EventSerializer.Deserialize(eventId, type, schemaVersion, r.GetString(12), key));
    }
}

/// <summary>A subscriber's wake-up: a notification, or the poll interval running out.</summary>
public interface IEventWaiter : IAsyncDisposable
{
    Task WaitAsync(TimeSpan timeout, CancellationToken ct);
}

using System.Data;
using System.Data.Common;
using CaseTracker.EventStore.Sql;
using Npgsql;

namespace CaseTracker.EventStore.Postgres;

/// <summary>
/// PostgreSQL: several processes may append at once (appends to one stream queue on its row lock). The schema is
/// created and migrated at start from the versioned scripts, under an advisory lock. Subscribers are woken after an
/// append's commit, in this process directly (<see cref="PostgresWakeups"/>), in other processes by LISTEN/NOTIFY sent
/// only when one listens (<see cref="PostgresNotifier"/>); they poll as well, and never skip an event that commits late
/// (see Sql/Postgres/read_all.sql).
/// </summary>
public sealed class PostgresEventStore : SqlEventStore
{
    private readonly NpgsqlDataSource _source;

    /// <summary>
    /// The appends' own pool. Its connections never keep session state (no LISTEN, no session lock, no SET), so they go
    /// back to the pool without the reset statements (Npgsql's No Reset On Close) that would otherwise come in front of
    /// the next append: seven statements on the server for each append.
    /// </summary>
    private readonly NpgsqlDataSource _appends;

    /// <summary>
    /// The subscribers' LISTEN connections, not pooled: closing one ends its server session, and with it the LISTEN and
    /// the advisory lock that tells other processes someone listens (a pooled one would keep both until reused).
    /// </summary>
    private readonly NpgsqlDataSource _listeners;

    private readonly PostgresWakeups _wakeups;
    private readonly PostgresNotifier _notifier;

    private PostgresEventStore(string connectionString, TimeProvider time)
        : base(new SqlScripts("Postgres"), time)
    {
        var (main, appends) = Pools(connectionString);
        _source = NpgsqlDataSource.Create(main);
        _appends = NpgsqlDataSource.Create(appends);
        _listeners = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(main) { Pooling = false }.ConnectionString);
        _wakeups = PostgresWakeups.For(main);
        // On the main pool: its connections stay open between the store's reads, an appends connection is busy appending.
        _notifier = new PostgresNotifier(_source, Sql, _wakeups);
    }

    public static async Task<PostgresEventStore> OpenAsync(string connectionString, TimeProvider? time = null, CancellationToken ct = default)
    {
        var store = new PostgresEventStore(connectionString, time ?? TimeProvider.System);
        await using var connection = await store.OpenConnectionAsync(ct);
        store.MigrationsApplied = await Migrator.MigrateAsync(connection, store.Sql, store.BeginWriteAsync, ct);
        await store._notifier.CheckAsync((NpgsqlConnection)connection, ct);
        return store;
    }

    /// <summary>
    /// The connection strings of the two pools: the appends' pool (no reset on close) takes a fifth of the connections
    /// the connection string allows (Maximum Pool Size, 100 unless set), the other pool the rest, so that the store never
    /// opens more connections than before.
    /// </summary>
    internal static (string Main, string Appends) Pools(string connectionString)
    {
        var main = new NpgsqlConnectionStringBuilder(WithAutoPrepare(connectionString));
        var appends = new NpgsqlConnectionStringBuilder(main.ConnectionString) { NoResetOnClose = true };
        appends.MaxPoolSize = Math.Max(1, main.MaxPoolSize / 5);
        main.MaxPoolSize = Math.Max(1, main.MaxPoolSize - appends.MaxPoolSize);
        return (main.ConnectionString, appends.ConnectionString);
    }

    /// <summary>
    /// Unless the connection string says otherwise, statements run again and again (an append's, a read of the log) are
    /// prepared on the server after their second use, for the physical connection's life: the server parses and plans
    /// append_one.sql once per connection instead of once per append.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct) => await _source.OpenConnectionAsync(ct);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);

    /// <summary>The log with each payload deserialized from the UTF-8 bytes the server sends (see <see cref="PostgresLogReader"/>).</summary>
    public override async Task<IReadOnlyList<EventEnvelope>> ReadAllAsync(LogPosition after, int maxCount, CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        return await connection.QueryAsync(
            null, Sql["read_all"], new PostgresLogReader().Map, ct, ("commit", after.Commit), ("prepare", after.Prepare), ("max", (long)maxCount));
    }

    /// <summary>The plain case in one round trip, commit included (see <see cref="PostgresSingleAppend"/>), else the general protocol.</summary>
    public override async Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, IReadOnlyList<UniqueClaim> claims, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        if (PostgresSingleAppend.Fits(expected, events))
        {
            await using var connection = await _appends.OpenConnectionAsync(ct);
            if (await PostgresSingleAppend.TryAsync(connection, Sql, streamId, expected, events, claims, Now(), AfterEventWritten, ct) is { } result)
            {
                OnAppended();
                return result;
            }
        }

        return await base.AppendAsync(streamId, expected, events, claims, ct);
    }

    /// <summary>All streams in a few round trips (see <see cref="PostgresBulkAppend"/>) instead of several per stream and event.</summary>
    public override async Task<AppendResult> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        foreach (var append in appends)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(append.StreamId);
        }

        if (DuplicateWithinBatch(appends) is { } twice)
        {
            return twice;
        }

        if (!PostgresBulkAppend.Fits(appends))
        {
            return await base.AppendManyAsync(appends, ct);
        }

        await using var connection = await _appends.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        var result = await PostgresBulkAppend.RunAsync(connection, tx, Sql, appends, Now(), AfterEventWritten, ct);
        if (result is AppendResult.Appended { Written: > 0 })
        {
            await tx.CommitAsync(ct);
            OnAppended();
        }

        return result;
    }

    protected override async Task<IEventWaiter> ListenAsync(CancellationToken ct)
    {
        var connection = await _listeners.OpenConnectionAsync(ct);
        try
        {
            _wakeups.Listeners.TryAdd(connection.ProcessID, 0);
            await connection.ExecuteAsync(null, Sql["listen"], ct);
            return new Waiter(connection, _wakeups);
        }
        catch
        {
            _wakeups.Listeners.TryRemove(connection.ProcessID, out _);
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Appends committed: this process's subscribers at once, other processes' if any listen.</summary>
    protected override void OnAppended()
    {
        _wakeups.Fire();
        _notifier.Signal();
    }

    public override async ValueTask DisposeAsync()
    {
        await _notifier.DisposeAsync();
        await _source.DisposeAsync();
        await _appends.DisposeAsync();
        await _listeners.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>
    /// Wakes at this process's next append of the database (<see cref="PostgresWakeups"/>), at another process's NOTIFY,
    /// or when the timeout runs out. An append fired between two waits is not lost: the next wait returns at once.
    /// </summary>
    private sealed class Waiter(NpgsqlConnection connection, PostgresWakeups wakeups) : IEventWaiter
    {
        private readonly CancellationTokenSource _stop = new();
        private long _seen = wakeups.Generation;

        /// <summary>The connection's wait for a NOTIFY, kept from one wait to the next (one at a time on a connection).</summary>
        private Task? _notified;

        public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
        {
            _notified ??= connection.WaitAsync(_stop.Token);
            var next = wakeups.Next;
            if (!_notified.IsCompleted && wakeups.Generation == _seen)
            {
                await Task.WhenAny(_notified, next, Task.Delay(timeout, ct));
                ct.ThrowIfCancellationRequested();
            }

            _seen = wakeups.Generation;
            if (_notified.IsCompleted)
            {
                var notified = _notified;
                _notified = null;
                await notified;
            }
        }

        public async ValueTask DisposeAsync()
        {
            wakeups.Listeners.TryRemove(connection.ProcessID, out _);
            await _stop.CancelAsync();
            try
            {
                if (_notified is not null)
                {
                    await _notified;
                }
            }
            catch (Exception e) when (e is OperationCanceledException or NpgsqlException or InvalidOperationException)
            {
                // The wait ends with the connection.
            }

            await connection.DisposeAsync();
            _stop.Dispose();
        }
    }
}

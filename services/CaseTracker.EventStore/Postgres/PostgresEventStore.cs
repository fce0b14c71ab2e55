using System.Data;
using System.Data.Common;
using CaseTracker.EventStore.Sql;
using Npgsql;

namespace CaseTracker.EventStore.Postgres;

/// <summary>
/// PostgreSQL: several processes may append at once (appends to one stream queue on its row lock). The schema is
/// created and migrated at start from the versioned scripts, under an advisory lock. Subscribers wake on
/// LISTEN/NOTIFY and never skip an event that commits late (see Sql/Postgres/read_all.sql).
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

    private PostgresEventStore(NpgsqlDataSource source, NpgsqlDataSource appends, TimeProvider time)
        : base(new SqlScripts("Postgres"), time) => (_source, _appends) = (source, appends);

    public static async Task<PostgresEventStore> OpenAsync(string connectionString, TimeProvider? time = null, CancellationToken ct = default)
    {
        var (main, appends) = Pools(connectionString);
        var store = new PostgresEventStore(NpgsqlDataSource.Create(main), NpgsqlDataSource.Create(appends), time ?? TimeProvider.System);
        await using var connection = await store.OpenConnectionAsync(ct);
        store.MigrationsApplied = await Migrator.MigrateAsync(connection, store.Sql, store.BeginWriteAsync, ct);
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
        }

        return result;
    }

    protected override async Task<IEventWaiter> ListenAsync(CancellationToken ct)
    {
        var connection = await _source.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(null, Sql["listen"], ct);
        return new NotificationWaiter(connection);
    }

    public override async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync();
        await _appends.DisposeAsync();
        await base.DisposeAsync();
    }

    private sealed class NotificationWaiter(NpgsqlConnection connection) : IEventWaiter
    {
        public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => connection.WaitAsync(timeout, ct);

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}

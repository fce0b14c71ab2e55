using System.Data.Common;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.EventStore.Projections;

/// <summary>The database a read model lives in (the event store's own, for both adapters).</summary>
public interface IReadModelDatabase
{
    SqlScripts Sql { get; }

    Task<DbConnection> OpenConnectionAsync(CancellationToken ct);

    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>
    /// A write transaction of derived rows only (read models with their checkpoints, made again from the log if lost): the
    /// database may commit it without waiting for the disk (SQLite: synchronous=NORMAL for it; a power cut can then lose
    /// the last such commits, never half of one, and the runners apply those events again). Default: <see cref="BeginWriteAsync"/>.
    /// </summary>
    Task<DbTransaction> BeginDerivedWriteAsync(DbConnection connection, CancellationToken ct) => BeginWriteAsync(connection, ct);

    Task<LogPosition> LoadCheckpointAsync(DbConnection connection, DbTransaction? tx, string name, CancellationToken ct);

    Task SaveCheckpointAsync(DbConnection connection, DbTransaction? tx, string name, LogPosition position, CancellationToken ct);
}

/// <summary>
/// Where a handler writes: the runner's transaction, which also carries the checkpoint. A script's command is prepared
/// once per page and reused (re-preparing a wide upsert for every row is most of a replay's cost on SQLite).
/// </summary>
public sealed partial record ProjectionContext(DbConnection Connection, DbTransaction Transaction, SqlScripts Sql, IEventStore Store) : IAsyncDisposable
{
    private readonly Dictionary<string, (DbCommand Command, Dictionary<string, DbParameter> Parameters)> _commands = new(StringComparer.Ordinal);

    /// <summary>
    /// The script's prepared command with the arguments set on parameter objects kept by name: the provider is given
    /// <c>@name</c>, which Microsoft.Data.Sqlite binds in one look-up (a bare name costs a failed look-up and a scan for
    /// each prefix, for every parameter of every row: a tenth of a replay's CPU with the case row's 27 columns).
    /// </summary>
    public Task<int> ExecuteAsync(string script, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        if (!_commands.TryGetValue(script, out var prepared))
        {
            _commands[script] = prepared = (Connection.Command(Transaction, Sql[script]), new Dictionary<string, DbParameter>(StringComparer.Ordinal));
        }

        foreach (var (name, value) in args)
        {
            if (!prepared.Parameters.TryGetValue(name, out var parameter))
            {
                parameter = prepared.Command.CreateParameter();
                parameter.ParameterName = "@" + name;
                prepared.Command.Parameters.Add(parameter);
                prepared.Parameters[name] = parameter;
            }

            parameter.Value = value ?? DBNull.Value;
        }

        return prepared.Command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// One script for many rows (a page's upserts): a single round trip where the provider batches commands
    /// (PostgreSQL), else the prepared command row by row (SQLite, in process: a round trip costs nothing there).
    /// </summary>
    public async Task ExecuteEachAsync(string script, IReadOnlyList<(string Name, object? Value)[]> rows, CancellationToken ct)
    {
        if (!Connection.CanCreateBatch || rows.Count < 2)
        {
            foreach (var args in rows)
            {
                await ExecuteAsync(script, ct, args);
            }

            return;
        }

        await using var batch = Connection.CreateBatch();
        batch.Transaction = Db.ForProvider(Transaction);
        var sql = Sql[script];
        foreach (var args in rows)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            foreach (var (name, value) in args)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        await batch.PrepareAsync(ct);
        await batch.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (command, _) in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
        foreach (var command in _multiRow.Values)
        {
            await command.DisposeAsync();
        }

        _multiRow.Clear();
        _staged.Clear();
        _flushed.Clear();
    }
}

/// <summary>One read model: its rows are a function of the log up to its checkpoint.</summary>
public interface IProjection
{
    /// <summary>The checkpoint's name; change it to force a rebuild when the model's meaning changes.</summary>
    string Name { get; }

    Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct);

    /// <summary>A page of events in one transaction; a read model may coalesce what the page does to one row.</summary>
    async Task ApplyPageAsync(IReadOnlyList<EventEnvelope> page, ProjectionContext context, CancellationToken ct)
    {
        foreach (var envelope in page)
        {
            await ApplyAsync(envelope, context, ct);
        }
    }

    /// <summary>
    /// The tables the read model writes: a bulk load into them while they are empty drops their secondary indexes and
    /// builds them again after the load (<see cref="ProjectionRunner.RebuildTogetherAsync"/>). None: nothing dropped.
    /// </summary>
    IReadOnlyList<string> Tables => [];

    /// <summary>Deletes every row (before a replay).</summary>
    Task ResetAsync(ProjectionContext context, CancellationToken ct);
}

public sealed record ReplayProgress(long Done, long Total);

/// <summary>Lag is how many events of the log the read model has not seen yet.</summary>
public sealed record ProjectionStatus(string Name, LogPosition Checkpoint, long Lag);

using System.Data.Common;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.EventStore.Projections;

/// <summary>The database a read model lives in (the event store's own, for both adapters).</summary>
public interface IReadModelDatabase
{
    SqlScripts Sql { get; }

    Task<DbConnection> OpenConnectionAsync(CancellationToken ct);

    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    Task<LogPosition> LoadCheckpointAsync(DbConnection connection, DbTransaction? tx, string name, CancellationToken ct);

    Task SaveCheckpointAsync(DbConnection connection, DbTransaction? tx, string name, LogPosition position, CancellationToken ct);
}

/// <summary>Where a handler writes: the runner's transaction, which also carries the checkpoint.</summary>
public sealed record ProjectionContext(DbConnection Connection, DbTransaction Transaction, SqlScripts Sql, IEventStore Store)
{
    public Task<int> ExecuteAsync(string script, CancellationToken ct, params (string Name, object? Value)[] args) =>
        Connection.ExecuteAsync(Transaction, Sql[script], ct, args);
}

/// <summary>One read model: its rows are a function of the log up to its checkpoint.</summary>
public interface IProjection
{
    /// <summary>The checkpoint's name; change it to force a rebuild when the model's meaning changes.</summary>
    string Name { get; }

    Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct);

    /// <summary>Deletes every row (before a replay).</summary>
    Task ResetAsync(ProjectionContext context, CancellationToken ct);
}

public sealed record ReplayProgress(long Done, long Total);

/// <summary>Lag is how many events of the log the read model has not seen yet.</summary>
public sealed record ProjectionStatus(string Name, LogPosition Checkpoint, long Lag);

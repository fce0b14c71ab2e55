using System.Data.Common;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    /// <summary>Plain SQL against the test's database.</summary>
    protected async Task<List<T>> RawAsync<T>(string sql, Func<DbDataReader, T> map)
    {
        await using var connection = await Store.OpenConnectionAsync(default);
        return await connection.QueryAsync(null, sql, map, default);
    }

    /// <summary>Writes an event row as an older version of the software stored it, bypassing the serializer.</summary>
    protected async Task InsertStoredAsync(string stream, long version, string type, int schemaVersion, DateOnly on, string payload)
    {
        await using var connection = await Store.OpenConnectionAsync(default);
        await using var tx = await Store.BeginWriteAsync(connection, default);
        await connection.ExecuteAsync(tx, Store.Sql["stream_lock"], default, ("stream", stream));
        await connection.ExecuteAsync(tx, Store.Sql["event_insert"], default,
            ("event_id", Guid.NewGuid()), ("stream", stream), ("version", version), ("type", type), ("schema_version", schemaVersion),
            ("business_date", on), ("recorded_at", Time.Now), ("actor", "legacy"), ("correlation_id", Guid.NewGuid()),
            ("causation_id", null), ("subject_id", null), ("payload", payload), ("metadata", "{}"));
        await connection.ExecuteAsync(tx, Store.Sql["append_finish"], default, ("stream", stream), ("version", version));
        await tx.CommitAsync();
    }
}

using CaseTracker.EventStore.Postgres;
using CaseTracker.EventStore.Sql;
using CaseTracker.EventStore.Sqlite;

namespace CaseTracker.EventStore.Tests.Infrastructure;

public static class StoreFactory
{
    /// <param name="adapter">"sqlite" (target: file path) or "postgres" (target: connection string).</param>
    public static async Task<SqlEventStore> OpenAsync(string adapter, string target, TimeProvider? time = null) => adapter switch
    {
        "sqlite" => await SqliteEventStore.OpenAsync(target, time),
        "postgres" => await PostgresEventStore.OpenAsync(target, time),
        _ => throw new ArgumentOutOfRangeException(nameof(adapter), adapter),
    };
}

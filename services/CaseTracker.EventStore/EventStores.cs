using CaseTracker.EventStore.Postgres;
using CaseTracker.EventStore.Sql;
using CaseTracker.EventStore.Sqlite;

namespace CaseTracker.EventStore;

public static class EventStores
{
    /// <summary>
    /// Opens (and migrates) the store a setting names: a PostgreSQL connection string (<c>Host=...</c>), or else the
    /// path of the SQLite file, the embedded default.
    /// </summary>
    public static async Task<SqlEventStore> OpenAsync(string location, TimeProvider? time = null, CancellationToken ct = default) =>
        location.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? await PostgresEventStore.OpenAsync(location, time, ct)
            : await SqliteEventStore.OpenAsync(location, time, ct);
}

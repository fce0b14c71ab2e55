namespace CaseTracker.EventStore.Tests.Conformance;

public sealed class SqliteEventStoreTests : EventStoreConformance
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"casetracker-test-{Guid.NewGuid():N}.db");

    protected override string Adapter => "sqlite";

    protected override string Target => _path;

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}

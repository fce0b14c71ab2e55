namespace CaseTracker.EventStore.Tests.Conformance;

public sealed partial class SqliteEventStoreTests : EventStoreConformance
{
    protected override string Adapter => "sqlite";

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult(Path.Combine(Path.GetTempPath(), $"casetracker-test-{Guid.NewGuid():N}.db"));

    protected override Task DropDatabaseAsync(string target)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { target, target + "-wal", target + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}

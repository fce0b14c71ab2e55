using CaseTracker.Testing;
using CaseTracker.Tests.Replay;

namespace CaseTracker.Tests.Postgres;

/// <summary><see cref="BulkReplayTests"/> on a fresh PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBulkReplayTests(PostgresServer server) : BulkReplayTests, IAsyncLifetime
{
    private readonly PostgresDatabases _databases = new(server);

    protected override async Task<string> NewStoreAsync() => "postgres:" + await _databases.CreateAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => _databases.DisposeAsync().AsTask();
}

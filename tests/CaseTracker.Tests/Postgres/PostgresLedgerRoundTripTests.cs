using CaseTracker.Testing;

namespace CaseTracker.Tests.Postgres;

/// <summary>The ledger round trip and re-import tests of <see cref="LedgerRoundTripTests"/>, each store a fresh PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLedgerRoundTripTests(PostgresServer server) : LedgerRoundTripTests, IAsyncLifetime
{
    private readonly PostgresDatabases _databases = new(server);

    protected override async Task<string> NewStoreAsync(string name) => "postgres:" + await _databases.CreateAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => _databases.DisposeAsync().AsTask();
}

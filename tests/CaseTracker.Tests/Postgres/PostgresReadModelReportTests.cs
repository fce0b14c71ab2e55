using CaseTracker.Testing;

namespace CaseTracker.Tests.Postgres;

/// <summary><see cref="ReadModelReportTests"/> on a fresh PostgreSQL database: read-model tables equal tables counted from every history.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReadModelReportTests(PostgresServer server) : ReadModelReportTests, IAsyncLifetime
{
    private readonly PostgresDatabases _databases = new(server);

    protected override async Task<string> NewStoreAsync() => "postgres:" + await _databases.CreateAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => _databases.DisposeAsync().AsTask();
}

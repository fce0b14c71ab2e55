using CaseTracker.Testing;

namespace CaseTracker.Tests.Postgres;

/// <summary>The tests of <see cref="StreamedImportTests"/>, each store a fresh PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStreamedImportTests(PostgresServer server) : StreamedImportTests, IAsyncLifetime
{
    private readonly PostgresDatabases _databases = new(server);

    protected override async Task<string> NewStoreAsync(string name) => "postgres:" + await _databases.CreateAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => _databases.DisposeAsync().AsTask();
}

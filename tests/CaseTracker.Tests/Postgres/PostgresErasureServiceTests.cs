using CaseTracker.Testing;
using CaseTracker.Tests.Erasure;

namespace CaseTracker.Tests.Postgres;

/// <summary><see cref="ErasureServiceTests"/> on a fresh PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresErasureServiceTests(PostgresServer server) : ErasureServiceTests
{
    private readonly PostgresDatabases _databases = new(server);

    protected override async Task<string> NewStoreAsync() => "postgres:" + await _databases.CreateAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _databases.DisposeAsync();
    }
}

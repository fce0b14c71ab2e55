using CaseTracker.Testing;

namespace CaseTracker.Web.Tests.Portal;

/// <summary><see cref="PortalFixture"/> over a fresh PostgreSQL database (the outbox and the portal on the other adapter).</summary>
public sealed class PostgresPortalFixture : PortalFixture
{
    private readonly PostgresServer _server = new();
    private PostgresDatabases? _databases;

    protected override async Task<string> StoreAsync()
    {
        await _server.InitializeAsync();
        _databases = new PostgresDatabases(_server);
        return "postgres:" + await _databases.CreateAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_databases is not null)
        {
            await _databases.DisposeAsync();
        }

        await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresPortalCollection : ICollectionFixture<PostgresPortalFixture>
{
    public const string Name = "portal host on postgres";
}

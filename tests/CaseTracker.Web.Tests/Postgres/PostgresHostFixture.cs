using CaseTracker.Testing;

namespace CaseTracker.Web.Tests.Postgres;

/// <summary>
/// <see cref="HostFixture"/> with the host's store a fresh PostgreSQL database (CASETRACKER_TEST_POSTGRES, else an
/// ephemeral server); neither available is a failure, never a skip.
/// </summary>
public sealed class PostgresHostFixture : HostFixture
{
    private readonly PostgresServer _server = new();
    private PostgresDatabases? _databases;

    /// <summary>The database the host serves.</summary>
    public string ConnectionString { get; private set; } = "";

    protected override async Task<string> StoreAsync()
    {
        await _server.InitializeAsync();
        _databases = new PostgresDatabases(_server);
        ConnectionString = await _databases.CreateAsync();
        return "postgres:" + ConnectionString;
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
public sealed class PostgresHostCollection : ICollectionFixture<PostgresHostFixture>
{
    public const string Name = "host on postgres";
}

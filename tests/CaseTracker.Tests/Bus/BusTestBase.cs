namespace CaseTracker.Tests.Bus;

/// <summary>A fresh virtual host and a fresh directory for the store file of each test.</summary>
public abstract class BusTestBase : IAsyncLifetime
{
    private TestBroker.VirtualHost? _vhost;

    protected Uri Broker => _vhost!.Uri;

    protected string Directory { get; } = Path.Combine(Path.GetTempPath(), "casetracker-bus-" + Guid.NewGuid().ToString("N"));

    protected string StorePath => Path.Combine(Directory, "casetracker.db");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        _vhost = await TestBroker.NewVirtualHostAsync();
    }

    public async Task DisposeAsync()
    {
        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

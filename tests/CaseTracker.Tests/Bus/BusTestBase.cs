namespace CaseTracker.Tests.Bus;

/// <summary>
/// A fresh virtual host, a fresh directory and a fresh CaseTracker store for each test: a SQLite file in the directory
/// here; a fresh PostgreSQL database in the PostgreSQL subclasses (<see cref="NewStoreAsync"/>), so the same bus tests
/// run on both stores.
/// </summary>
public abstract class BusTestBase : IAsyncLifetime
{
    private TestBroker.VirtualHost? _vhost;

    protected Uri Broker => _vhost!.Uri;

    protected string Directory { get; } = Path.Combine(Path.GetTempPath(), "casetracker-bus-" + Guid.NewGuid().ToString("N"));

    /// <summary>CaseTracker's store as <c>--store</c> takes it: <c>sqlite:PATH</c> or <c>postgres:CONNECTION</c>.</summary>
    protected string Store { get; private set; } = "";

    /// <summary>The store of one test; the PostgreSQL subclasses create a fresh database.</summary>
    protected virtual Task<string> NewStoreAsync() => Task.FromResult("sqlite:" + Path.Combine(Directory, "casetracker.db"));

    /// <summary>Removes what <see cref="NewStoreAsync"/> created outside <see cref="Directory"/>.</summary>
    protected virtual ValueTask DropStoreAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Store = await NewStoreAsync();
        _vhost = await TestBroker.NewVirtualHostAsync();
    }

    public async Task DisposeAsync()
    {
        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await DropStoreAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

namespace CaseTracker.Testing;

/// <summary>The fresh databases one test (or one fixture) creates on the server; all dropped on dispose.</summary>
public sealed class PostgresDatabases(PostgresServer server) : IAsyncDisposable
{
    private readonly List<string> _created = [];

    /// <summary>A fresh, empty database; its connection string.</summary>
    public async Task<string> CreateAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        lock (_created)
        {
            _created.Add(connectionString);
        }

        return connectionString;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connectionString in _created)
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }
}

using Npgsql;
using Xunit;

namespace CaseTracker.Testing;

/// <summary>
/// The PostgreSQL the tests run against: CASETRACKER_TEST_POSTGRES if set, else an ephemeral server started here.
/// If neither works the tests fail (never skip), which is what CI=true requires. Each test assembly declares its own
/// collection over it (xunit finds collection definitions only in the test assembly).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly SemaphoreSlim _creating = new(1, 1);
    private EphemeralPostgres? _ephemeral;

    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("CASETRACKER_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            AdminConnectionString = configured;
            return;
        }

        _ephemeral = await EphemeralPostgres.StartAsync(durable: false);
        AdminConnectionString = _ephemeral.ConnectionString;
    }

    /// <summary>A fresh, empty database with a random name; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"ct_test_{Guid.NewGuid():N}";
        await _creating.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            _creating.Release();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_ephemeral is not null)
        {
            await _ephemeral.DisposeAsync();
        }

        _creating.Dispose();
    }
}

using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CaseTracker.EventStore.Tests;

/// <summary>The throw-away PostgreSQL of the tests (tests/CaseTracker.Testing) and the free-port race it used to lose.</summary>
public class EphemeralPostgresTests
{
    [Fact]
    public async Task A_port_taken_between_choosing_it_and_binding_it_is_replaced_by_another()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var offered = new Queue<int>([taken]);

        await using var server = await EphemeralPostgres.StartAsync(durable: false, () => offered.Count > 0 ? offered.Dequeue() : FreePort());

        var port = new NpgsqlConnectionStringBuilder(server.ConnectionString).Port;
        Assert.NotEqual(taken, port);
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 41 + 1", connection);
        Assert.Equal(42, await command.ExecuteScalarAsync());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

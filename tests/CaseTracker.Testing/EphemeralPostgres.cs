using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CaseTracker.Testing;

/// <summary>
/// A throw-away PostgreSQL 15 server: initdb into a temp directory, started on a free port, stopped and deleted on
/// dispose. As root it runs the binaries as the postgres user (initdb refuses root).
/// </summary>
public sealed class EphemeralPostgres : IAsyncDisposable
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private readonly string _root;

    private EphemeralPostgres(string root, int port)
    {
        _root = root;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=60;Timeout=30;Command Timeout=120";
    }

    public string ConnectionString { get; }

    private string DataDir => Path.Combine(_root, "data");

    /// <param name="durable">False for tests: no fsync (crashes of the server are not what they test).</param>
    public static async Task<EphemeralPostgres> StartAsync(bool durable)
    {
        if (!File.Exists(Path.Combine(BinDir, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDir}); set CASETRACKER_TEST_POSTGRES to a server instead.");
        }

        var root = Path.Combine(Path.GetTempPath(), $"casetracker-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var server = new EphemeralPostgres(root, FreePort());
        if (IsRoot)
        {
            await RunAsync("chown", $"postgres:postgres {root}");
        }

        await server.PgAsync("initdb", $"-D {server.DataDir} -U postgres --auth=trust -E UTF8 --no-locale");
        var settings = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var port = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString).Port;
        server._start = $"-D {server.DataDir} -l {Path.Combine(root, "log")} -w -t 60 start " +
            $"-o \"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200{settings}\"";
        await server.PgAsync("pg_ctl", server._start);
        return server;
    }

    private string _start = "";

    /// <summary>Stops the server (fast shutdown: open connections are cut), as an outage would; <see cref="StartAgainAsync"/> ends it.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", $"-D {DataDir} -m fast -w stop");

    public Task StartAgainAsync() => PgAsync("pg_ctl", _start);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", $"-D {DataDir} -m immediate -w stop");
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task PgAsync(string tool, string args) =>
        IsRoot ? RunAsync("runuser", $"-u postgres -- {BinDir}/{tool} {args}") : RunAsync($"{BinDir}/{tool}", args);

    private static async Task RunAsync(string file, string args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {args} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

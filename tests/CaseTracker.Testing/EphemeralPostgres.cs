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
    public static Task<EphemeralPostgres> StartAsync(bool durable) => StartAsync(durable, FreePort);

    /// <param name="durable">False for tests: no fsync (crashes of the server are not what they test).</param>
    /// <param name="ports">Where the ports to try come from (a free one from the kernel, unless a test says otherwise).</param>
    public static async Task<EphemeralPostgres> StartAsync(bool durable, Func<int> ports)
    {
        if (!File.Exists(Path.Combine(BinDir, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDir}); set CASETRACKER_TEST_POSTGRES to a server instead.");
        }

        var root = Path.Combine(Path.GetTempPath(), $"casetracker-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        if (IsRoot)
        {
            await RunAsync("chown", $"postgres:postgres {root}");
        }

        var dataDir = Path.Combine(root, "data");
        await PgAsync("initdb", $"-D {dataDir} -U postgres --auth=trust -E UTF8 --no-locale");
        var settings = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";

        // A free port from the kernel can be taken by someone else before postgres binds it: on "address in use",
        // start again on another port (up to 5 times); any other failure ends at once.
        for (var attempt = 1; ; attempt++)
        {
            var server = new EphemeralPostgres(root, ports());
            var port = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString).Port;
            var log = Path.Combine(root, $"log.{attempt}");
            server._start = $"-D {dataDir} -l {log} -w -t 60 start " +
                $"-o \"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200{settings}\"";
            try
            {
                await PgAsync("pg_ctl", server._start);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 5 && File.Exists(log) && File.ReadAllText(log).Contains("Address already in use", StringComparison.Ordinal))
            {
            }
        }
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

    private static Task PgAsync(string tool, string args) =>
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

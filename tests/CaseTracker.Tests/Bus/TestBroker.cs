using System.Diagnostics;
using System.Net.Sockets;

namespace CaseTracker.Tests.Bus;

/// <summary>
/// The real RabbitMQ broker of the bus tests (CASETRACKER_TEST_RABBITMQ and its node CASETRACKER_TEST_RABBITMQ_NODE, as
/// infra/test.sh provisions them on free ports; default the machine's node on 5672, guest account). Unreachable:
/// with CI=true the test fails; otherwise infra/rabbitmq/start.sh is run once. Each test gets its own virtual host,
/// so runs and tests never share an exchange or a queue.
/// </summary>
public static class TestBroker
{
    private static readonly Uri Root = new(Environment.GetEnvironmentVariable("CASETRACKER_TEST_RABBITMQ") is { Length: > 0 } uri
        ? uri
        : "amqp://guest:guest@127.0.0.1:5672/");

    private static readonly Lazy<Task> Running = new(EnsureRunningAsync);

    /// <summary>A fresh virtual host and the amqp URI that opens it; dispose to delete it.</summary>
    public static async Task<VirtualHost> NewVirtualHostAsync()
    {
        await Running.Value;
        var name = $"test-{Guid.NewGuid():N}";
        await RabbitMqCtlAsync("add_vhost", name);
        await RabbitMqCtlAsync("set_permissions", "-p", name, Root.UserInfo.Split(':')[0], ".*", ".*", ".*");
        return new VirtualHost(name, new UriBuilder(Root) { Path = "/" + name }.Uri);
    }

    public sealed record VirtualHost(string Name, Uri Uri) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await RabbitMqCtlAsync("delete_vhost", Name);
    }

    private static async Task EnsureRunningAsync()
    {
        if (await AnswersAsync())
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException($"RabbitMQ does not answer at {Root.Host}:{Root.Port} (CASETRACKER_TEST_RABBITMQ); CI=true, so the bus tests fail.");
        }

        await RunAsync("bash", Path.Combine(RepositoryRoot(), "infra", "rabbitmq", "start.sh"));
        if (!await AnswersAsync())
        {
            throw new InvalidOperationException($"RabbitMQ did not start at {Root.Host}:{Root.Port}.");
        }
    }

    private static async Task<bool> AnswersAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(Root.Host, Root.Port == -1 ? 5672 : Root.Port).WaitAsync(TimeSpan.FromSeconds(3));
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The node of <see cref="Root"/> when it is not the machine's default one (infra/test.sh starts one per run on free ports).</summary>
    private static readonly string? Node = Environment.GetEnvironmentVariable("CASETRACKER_TEST_RABBITMQ_NODE") is { Length: > 0 } node ? node : null;

    private static Task RabbitMqCtlAsync(params string[] args) =>
        RunAsync(File.Exists("/usr/sbin/rabbitmqctl") ? "/usr/sbin/rabbitmqctl" : "rabbitmqctl", Node is null ? ["-q", .. args] : ["-q", "-n", Node, .. args]);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await error}");
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CaseTracker.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CaseTracker.sln not found above the test directory.");
    }
}

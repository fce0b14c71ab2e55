using System.Diagnostics;
using System.Text;
using CaseTracker.Bus;
using CaseTracker.Composition;
using CaseTracker.EventStore;
using CaseTracker.Tests.Bus;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LitigationTracker.Tests;

/// <summary>
/// Exactly-once across a crash (issue 17 item 2). CaseTracker's outbox publishes, then checkpoints; killed between the two,
/// it publishes the same messages again when it restarts. The real `casetracker serve` runs as a child process that kills
/// itself (SIGKILL, no shutdown) right after the broker confirmed a publish, before the checkpoint; restarted, it
/// republishes; LitigationTracker's consumer records each case once. A raw queue on the same exchange counts every copy.
/// </summary>
public class CrashBetweenPublishAndCheckpointTests : BusTestBase
{
    [Fact]
    public async Task A_publisher_killed_between_publish_and_checkpoint_republishes_and_the_consumer_applies_each_message_once()
    {
        await using var litigation = await LitigationNode.StartAsync(Path.Combine(Directory, "litigation.db"), Broker);
        await using var copies = await LitigationStandIn.StartAsync(Broker);
        var consumed = new ConsumedCount();
        using var observing = litigation.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(consumed);

        // Three decided cases in the store, written while no bus runs (the outbox has published nothing yet).
        Guid[] cases;
        await using (var offline = await CaseTrackerNode.StartAsync(Store, new Uri("amqp://guest:guest@127.0.0.1:1/"), waitForBus: false))
        {
            cases =
            [
                await offline.DecidedCaseAsync("依申请〔2026〕61号", new DateOnly(2026, 5, 6), new DateOnly(2026, 5, 20)),
                await offline.DecidedCaseAsync("依申请〔2026〕62号", new DateOnly(2026, 5, 7), new DateOnly(2026, 5, 21)),
                await offline.DecidedCaseAsync("依申请〔2026〕63号", new DateOnly(2026, 5, 8), new DateOnly(2026, 5, 22)),
            ];
        }

        SqliteConnection.ClearAllPools();
        var checkpointBefore = await CheckpointAsync(); // the offline node's outbox passed the first event (not for the bus) only
        using (var crashing = Serve(killAfterPublishes: 2))
        {
            Assert.True(await crashing.ExitedAsync(TimeSpan.FromSeconds(120)), "serve did not kill itself after two publishes: " + crashing.Output);
            Assert.Equal(137, crashing.Process.ExitCode); // 128 + SIGKILL: no shutdown ran, no checkpoint was written
        }

        // Before the restart: two messages went out (confirmed by the broker), the checkpoint did not move past them.
        await Eventually.ReturnsAsync(() => Task.FromResult(copies.Decided.Count), n => n == 2, "the two messages published before the kill");
        Assert.Equal(cases[..2], copies.Decided.Select(c => c.Message.CaseId));
        Assert.Equal(checkpointBefore, await CheckpointAsync()); // the page of the published events was not checkpointed

        using (var restarted = Serve(killAfterPublishes: null))
        {
            // Every message again from the checkpoint: the two already sent, then the third.
            await Eventually.ReturnsAsync(() => Task.FromResult(copies.Decided.Count), n => n >= 5, "the republished messages and the third", TimeSpan.FromSeconds(120));
            await Eventually.ReturnsAsync(CheckpointAsync, p => p > checkpointBefore, "the outbox checkpoint after the restart", TimeSpan.FromSeconds(60));
            var handled = await Eventually.ReturnsAsync(() => Task.FromResult(Count(litigation, "SELECT count(*) FROM handled_messages")), n => n == 3, "the consumer to handle three messages");
            Assert.Equal(3, handled);
        }

        // Counted after the restart: the first two cases' messages arrived twice, the third once, each with the same message id.
        var copiesByCase = copies.Decided.GroupBy(c => c.Message.CaseId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(5, copies.Decided.Count);
        Assert.Equal([2, 2, 1], cases.Select(c => copiesByCase[c].Count));
        Assert.All(copiesByCase.Values, same => Assert.Single(same.Select(c => c.MessageId).Distinct()));
        // LitigationTracker's consumer was handed all five copies and applied three messages: one row per case.
        await Eventually.ReturnsAsync(() => Task.FromResult(consumed.Decided), n => n == 5, "LitigationTracker's consumer to see every copy");
        Assert.Equal(3, Count(litigation, "SELECT count(*) FROM cases"));
        Assert.Equal(3, Count(litigation, "SELECT count(*) FROM handled_messages"));
    }

    /// <summary>How many CaseDecidedV1 deliveries LitigationTracker's consumer finished (duplicates included).</summary>
    private sealed class ConsumedCount : IConsumeObserver
    {
        private int _decided;

        public int Decided => Volatile.Read(ref _decided);

        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            if (context.Message is CaseTracker.Contracts.CaseDecidedV1)
            {
                Interlocked.Increment(ref _decided);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }

    private async Task<LogPosition> CheckpointAsync()
    {
        await using var store = await StoreLocation.Parse(Store)!.OpenAsync(TimeProvider.System, default);
        return await store.LoadCheckpointAsync(CaseTrackerOutbox.CheckpointName);
    }

    private static long Count(LitigationNode litigation, string sql)
    {
        using var connection = litigation.Db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private ChildHost Serve(int? killAfterPublishes)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Binary(), "serve", "--urls", "http://127.0.0.1:0", "--store", Store])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("CASETRACKER_STORE");
        start.Environment[CaseTrackerBus.BrokerVariable] = Broker.ToString();
        start.Environment[CaseTracker.Web.FirstRun.PasswordFileKey] = Path.Combine(Directory, "admin-password.txt");
        if (killAfterPublishes is { } n)
        {
            start.Environment[CaseTrackerOutbox.KillAfterPublishesVariable] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            start.Environment.Remove(CaseTrackerOutbox.KillAfterPublishesVariable);
        }

        return new ChildHost(Process.Start(start)!);
    }

    /// <summary>CaseTracker's own build output (same configuration as this test assembly).</summary>
    private static string Binary()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = dir.Parent!.Name;
        while (dir is not null && !System.IO.Directory.Exists(Path.Combine(dir.FullName, "services")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "services", "CaseTracker", "bin", configuration, "net10.0", "casetracker.dll");
    }

    private sealed class ChildHost : IDisposable
    {
        private readonly StringBuilder _output = new();

        public ChildHost(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public async Task<bool> ExitedAsync(TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await Process.WaitForExitAsync(cts.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(10_000);
            }

            Process.Dispose();
        }

        private void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}

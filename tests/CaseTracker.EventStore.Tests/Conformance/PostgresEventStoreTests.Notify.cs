using System.Diagnostics;
using CaseTracker.EventStore.Sql;
using Npgsql;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

/// <summary>
/// The wake-up after an append (0185): this process's subscribers are woken in the process; a NOTIFY goes out only when
/// a LISTEN connection of another process waits (listen.sql's advisory lock), after the commit, never inside it.
/// </summary>
public sealed partial class PostgresEventStoreTests
{
    [Fact]
    public async Task Appends_send_no_notify_when_only_this_process_listens()
    {
        // The test's own store subscribes (this process's listener); a bare LISTEN without listen.sql's lock stands for
        // an old-style listener nobody announced, and must receive nothing.
        Store.PollInterval = TimeSpan.FromHours(1);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = SubscribeUntilAsync(Store, 3, seen, stop.Token);
        await using var bare = await ListenAsync(announce: false);
        var notifications = Count(bare);

        var writer = await OpenAnotherStoreAsync();
        await writer.AppendAsync(NewStream(), ExpectedVersion.NoStream, [One(Received(Guid.NewGuid(), Day))]);
        await writer.AppendManyAsync([new StreamAppend(NewStream(), ExpectedVersion.NoStream, [One(Received(Guid.NewGuid(), Day))])]);
        await writer.AppendAsync(NewStream(), ExpectedVersion.Any, [One(Received(Guid.NewGuid(), Day))]);
        await seen.Task.WaitAsync(stop.Token);
        await Dispose(writer);
        await bare.ExecuteAsync(null, "SELECT 1", default);

        Assert.Equal(0, notifications());
        await stop.CancelAsync();
        await subscription;
    }

    [Fact]
    public async Task Appends_notify_after_their_commit_when_a_listener_of_another_process_waits()
    {
        // A LISTEN connection with listen.sql's lock that is not one of this process's stores' own: another process's.
        await using var other = await ListenAsync(announce: true);
        var notifications = Count(other);
        var writer = await OpenAnotherStoreAsync();

        await writer.AppendAsync(NewStream(), ExpectedVersion.NoStream, [One(Received(Guid.NewGuid(), Day))]);
        await Dispose(writer);
        await other.ExecuteAsync(null, "SELECT 1", default);

        Assert.True(notifications() >= 1);
        await using var check = new NpgsqlConnection(Target);
        await check.OpenAsync();
        Assert.Equal("0", (await check.ScalarAsync(null, "SELECT count(*)::text FROM pg_proc WHERE proname = 'append_one' AND prosrc LIKE '%pg_notify%'", default))!.ToString());
    }

    [Fact]
    public async Task A_waiting_subscriber_sees_every_event_of_many_concurrent_appends_of_another_process_not_by_polling()
    {
        Store.PollInterval = TimeSpan.FromHours(1);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<EventEnvelope>();
        var subscription = Task.Run(async () =>
        {
            try
            {
                await foreach (var page in Store.SubscribeToAllAsync(LogPosition.Start, stop.Token))
                {
                    seen.AddRange(page);
                    listening.TrySetResult();
                    if (seen.Count == 41)
                    {
                        allSeen.TrySetResult();
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, [One(Received(Guid.NewGuid(), Day))]);
        await listening.Task.WaitAsync(stop.Token);

        // Another process: its store opens, then appends 40 single events at once and exits.
        await RunChildAsync("append-concurrently", "40");

        await allSeen.Task.WaitAsync(stop.Token);
        await stop.CancelAsync();
        await subscription;
        Assert.Equal(41, seen.Count);
        Assert.Equal(40, seen.Skip(1).Select(e => e.StreamId).Distinct().Count());
    }

    private async Task RunChildAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { UseShellExecute = false };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, args[0], Adapter, Target }.Concat(args.Skip(1)))
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        Assert.Equal(0, child.ExitCode);
    }

    private static Task SubscribeUntilAsync(SqlEventStore store, int count, TaskCompletionSource seen, CancellationToken ct) => Task.Run(async () =>
    {
        var events = 0;
        try
        {
            await foreach (var page in store.SubscribeToAllAsync(LogPosition.Start, ct))
            {
                events += page.Count;
                if (events >= count)
                {
                    seen.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    });

    private async Task<NpgsqlConnection> ListenAsync(bool announce)
    {
        var connection = new NpgsqlConnection(Target);
        await connection.OpenAsync();
        await connection.ExecuteAsync(null, announce ? Store.Sql["listen"] : "LISTEN casetracker_events", default);
        return connection;
    }

    private static Func<int> Count(NpgsqlConnection connection)
    {
        var count = 0;
        connection.Notification += (_, _) => Interlocked.Increment(ref count);
        return () => Volatile.Read(ref count);
    }
}

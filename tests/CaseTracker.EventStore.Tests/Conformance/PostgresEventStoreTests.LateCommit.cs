using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public sealed partial class PostgresEventStoreTests
{
    [Fact]
    public async Task An_event_whose_position_commits_after_a_later_position_is_not_skipped_by_a_subscription()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var slowWriter = await OpenAnotherStoreAsync();
        slowWriter.AfterEventWritten = _ =>
        {
            reached.TrySetResult();
            release.Wait();
        };
        var slow = One(Received(Guid.NewGuid(), Day));
        var fast = One(Received(Guid.NewGuid(), Day));
        var seen = new List<EventEnvelope>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var subscription = Task.Run(async () =>
        {
            try
            {
                await foreach (var page in Store.SubscribeToAllAsync(LogPosition.Start, stop.Token))
                {
                    lock (seen)
                    {
                        seen.AddRange(page);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var slowAppend = Task.Run(() => slowWriter.AppendAsync(NewStream(), ExpectedVersion.NoStream, [slow]));
        await reached.Task.WaitAsync(stop.Token);
        await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, [fast]);
        var whileSlowIsOpen = await Store.ReadAllAsync(LogPosition.Start, 10);
        release.Set();
        await slowAppend;
        while (SeenCount() < 2 && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        await Task.Delay(300);
        await stop.CancelAsync();
        await subscription;
        await Dispose(slowWriter);

        var positions = await RawAsync("SELECT position FROM events ORDER BY event_id = '" + slow.EventId + "' DESC", r => r.GetInt64(0));
        Assert.True(positions[0] < positions[1], "the slow append took the lower position");
        Assert.Empty(whileSlowIsOpen);
        Assert.Equal([slow.EventId, fast.EventId], seen.Select(e => e.EventId));

        int SeenCount()
        {
            lock (seen)
            {
                return seen.Count;
            }
        }
    }
}

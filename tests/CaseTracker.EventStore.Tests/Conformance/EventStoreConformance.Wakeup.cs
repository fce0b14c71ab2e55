using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task A_waiting_subscriber_is_woken_by_an_append_from_another_store_instance_not_by_polling()
    {
        var writer = await OpenAnotherStoreAsync();
        Store.PollInterval = TimeSpan.FromHours(1);
        var (first, second) = (One(Received(Guid.NewGuid(), Day)), One(Received(Guid.NewGuid(), Day)));
        var seen = new List<Guid>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await writer.AppendAsync(NewStream(), ExpectedVersion.NoStream, [first]);
        var subscription = Task.Run(async () =>
        {
            try
            {
                await foreach (var page in Store.SubscribeToAllAsync(LogPosition.Start, stop.Token))
                {
                    seen.AddRange(page.Select(e => e.EventId));
                    (seen.Count == 1 ? firstSeen : secondSeen).TrySetResult();
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        await firstSeen.Task.WaitAsync(stop.Token);
        await Task.Delay(200);
        await writer.AppendAsync(NewStream(), ExpectedVersion.NoStream, [second]);
        await secondSeen.Task.WaitAsync(stop.Token);
        await stop.CancelAsync();
        await subscription;
        await Dispose(writer);

        Assert.Equal([first.EventId, second.EventId], seen);
    }

    [Fact]
    public async Task A_waiting_subscriber_sees_every_event_of_many_concurrent_appends_from_another_instance_not_by_polling()
    {
        // PostgreSQL sends the wake-up after the commit, one at a time (coalesced): the last one must come after the last commit.
        var writer = await OpenAnotherStoreAsync();
        Store.PollInterval = TimeSpan.FromHours(1);
        var first = One(Received(Guid.NewGuid(), Day));
        var many = Enumerable.Range(0, 40).Select(_ => One(Received(Guid.NewGuid(), Day))).ToList();
        var seen = new List<Guid>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await writer.AppendAsync(NewStream(), ExpectedVersion.NoStream, [first]);
        var subscription = Task.Run(async () =>
        {
            try
            {
                await foreach (var page in Store.SubscribeToAllAsync(LogPosition.Start, stop.Token))
                {
                    seen.AddRange(page.Select(e => e.EventId));
                    firstSeen.TrySetResult();
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

        await firstSeen.Task.WaitAsync(stop.Token);
        await Task.WhenAll(many.Select(e => Task.Run(() => writer.AppendAsync(NewStream(), ExpectedVersion.NoStream, [e]))));
        await allSeen.Task.WaitAsync(stop.Token);
        await stop.CancelAsync();
        await subscription;
        await Dispose(writer);

        Assert.Equal(first.EventId, seen[0]);
        Assert.Equal(many.Select(e => e.EventId).Order(), seen.Skip(1).Order());
    }
}

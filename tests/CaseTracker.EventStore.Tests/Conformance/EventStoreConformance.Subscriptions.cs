using CaseTracker.EventStore.Subscriptions;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task A_subscription_resumes_after_its_durable_checkpoint()
    {
        var first = New(Received(Guid.NewGuid(), Day), Received(Guid.NewGuid(), Day), Received(Guid.NewGuid(), Day));
        foreach (var e in first)
        {
            await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, [e]);
        }

        var seen = await RunSubscriptionUntilAsync("watch", 3);
        var later = New(Received(Guid.NewGuid(), Day), Received(Guid.NewGuid(), Day));
        foreach (var e in later)
        {
            await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, [e]);
        }

        var restarted = await OpenAnotherStoreAsync();
        var seenAfterRestart = await RunSubscriptionUntilAsync("watch", 2, restarted);
        await Dispose(restarted);

        Assert.Equal(first.Select(e => e.EventId), seen);
        Assert.Equal(later.Select(e => e.EventId), seenAfterRestart);
        await Store.LogShowsEverythingAsync();
        Assert.Equal((await Store.ReadAllAsync(LogPosition.Start, 10))[^1].Position, await Store.LoadCheckpointAsync("watch"));
    }

    /// <summary>Runs the named subscription until it has handled <paramref name="count"/> events and saved its checkpoint.</summary>
    private async Task<List<Guid>> RunSubscriptionUntilAsync(string name, int count, Sql.SqlEventStore? store = null)
    {
        store ??= Store;
        var seen = new List<Guid>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var subscription = new CheckpointedSubscription(store, store, name, (e, _) =>
        {
            seen.Add(e.EventId);
            return Task.CompletedTask;
        });
        var running = subscription.RunAsync(stop.Token);
        var target = (await store.ReadAllAsync(LogPosition.Start, int.MaxValue))[^1].Position;
        while (await store.LoadCheckpointAsync(name) != target && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await running;
        Assert.Equal(count, seen.Count);
        return seen;
    }
}

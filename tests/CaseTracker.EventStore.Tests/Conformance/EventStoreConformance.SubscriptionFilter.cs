using System.Collections.Concurrent;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Subscriptions;
using CaseTracker.Testing;
using static CaseTracker.EventStore.Tests.Infrastructure.Samples;

namespace CaseTracker.EventStore.Tests.Conformance;

public abstract partial class EventStoreConformance
{
    [Fact]
    public async Task A_filtered_subscription_writes_its_checkpoint_after_a_page_with_an_event_it_acts_on_and_not_after_one_without()
    {
        var saves = new CountingCheckpoints(Store);
        var considered = new ConcurrentQueue<Guid>();
        var handled = new ConcurrentQueue<Guid>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var subscription = new CheckpointedSubscription(Store, saves, "filtered", (e, _) =>
        {
            handled.Enqueue(e.EventId);
            return Task.CompletedTask;
        }, e =>
        {
            considered.Enqueue(e.EventId);
            return e.Event is CaseEvent.SupplementRequested;
        });
        var running = subscription.RunAsync(stop.Token);

        // A page of nothing the subscriber acts on (a receipt): passed over, no checkpoint write.
        var receipt = One(Received(Guid.NewGuid(), Day));
        await Store.AppendAsync(NewStream(), ExpectedVersion.NoStream, [receipt]);
        await Store.LogShowsEverythingAsync();
        await Eventually.ReturnsAsync(() => Task.FromResult(considered.ToArray()), c => c.Contains(receipt.EventId), "the receipt is looked at");

        // Then one it acts on: handled, and the checkpoint written at it.
        var stream = NewStream();
        var request = New(Received(Guid.NewGuid(), Day), Supplement(Day));
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, request);
        await Store.LogShowsEverythingAsync();
        var last = (await Store.ReadStreamAsync(stream))[^1].Position;
        await Eventually.ReturnsAsync(() => Task.FromResult(saves.Saved.ToArray()), s => s.Contains(last), "the checkpoint reaches the supplement request");
        await stop.CancelAsync();
        await running;

        Assert.Equal([last], saves.Saved);
        Assert.Equal([request[1].EventId], handled);
        Assert.Equal(last, await Store.LoadCheckpointAsync("filtered"));
    }

    private sealed class CountingCheckpoints(ICheckpointStore inner) : ICheckpointStore
    {
        public ConcurrentQueue<LogPosition> Saved { get; } = new();

        public Task<LogPosition> LoadCheckpointAsync(string name, CancellationToken ct = default) => inner.LoadCheckpointAsync(name, ct);

        public async Task SaveCheckpointAsync(string name, LogPosition position, CancellationToken ct = default)
        {
            await inner.SaveCheckpointAsync(name, position, ct);
            Saved.Enqueue(position);
        }
    }
}

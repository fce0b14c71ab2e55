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
}

namespace CaseTracker.EventStore.Subscriptions;

/// <summary>
/// A named subscriber to the global log that resumes from its durable checkpoint. The checkpoint is saved after each
/// page its handler finished, so after a crash the last page may be handled again: handlers outside the store's
/// database must be idempotent (read models use <see cref="Projections.ProjectionRunner"/>, which is exact).
/// </summary>
public sealed class CheckpointedSubscription(IEventStore store, ICheckpointStore checkpoints, string name, Func<EventEnvelope, CancellationToken, Task> handler)
{
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var page in store.SubscribeToAllAsync(await checkpoints.LoadCheckpointAsync(name, ct), ct))
            {
                foreach (var envelope in page)
                {
                    await handler(envelope, ct);
                }

                await checkpoints.SaveCheckpointAsync(name, page[^1].Position, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}

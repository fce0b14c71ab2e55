namespace CaseTracker.EventStore.Subscriptions;

/// <summary>
/// A named subscriber to the global log that resumes from its durable checkpoint. The checkpoint is saved after each
/// page its handler finished, so after a crash the last page may be handled again: handlers outside the store's
/// database must be idempotent (read models use <see cref="Projections.ProjectionRunner"/>, which is exact).
/// </summary>
/// <param name="relevant">The events the handler acts on (null: every event). A page without any is not followed by a
/// checkpoint write unless <see cref="IdleSave"/> has passed since the last one (issue 14: a subscriber that acts on a
/// rare event wrote one durable checkpoint per append, each a turn at SQLite's one write lock a command then waited for);
/// after a restart such pages are read again and passed over again.</param>
public sealed class CheckpointedSubscription(
    IEventStore store, ICheckpointStore checkpoints, string name, Func<EventEnvelope, CancellationToken, Task> handler,
    Func<EventEnvelope, bool>? relevant = null)
{
    /// <summary>How long a subscription with a <c>relevant</c> filter goes at most without saving its checkpoint while events pass.</summary>
    public static readonly TimeSpan IdleSave = TimeSpan.FromSeconds(10);

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            var saved = System.Diagnostics.Stopwatch.StartNew();
            await foreach (var page in store.SubscribeToAllAsync(await checkpoints.LoadCheckpointAsync(name, ct), ct))
            {
                var acted = relevant is null;
                foreach (var envelope in page)
                {
                    if (relevant is null || relevant(envelope))
                    {
                        acted = true;
                        await handler(envelope, ct);
                    }
                }

                if (acted || saved.Elapsed >= IdleSave)
                {
                    await checkpoints.SaveCheckpointAsync(name, page[^1].Position, ct);
                    saved.Restart();
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}

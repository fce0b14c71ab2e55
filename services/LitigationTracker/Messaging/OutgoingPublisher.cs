using LitigationTracker.Storage;
using MassTransit;

namespace LitigationTracker.Messaging;

/// <summary>
/// Drains the outgoing table in order: publish, wait for the broker's confirmation, then delete the row. A crash in
/// between publishes the message again with the same id (at least once); CaseTracker's consumers are idempotent.
/// </summary>
public sealed class OutgoingPublisher(LitigationDb db, IBus bus, ILogger<OutgoingPublisher> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Something was enqueued: publish now rather than at the next poll.</summary>
    public void Signal() => _signal.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Could not publish the outgoing messages; retrying");
            }

            try
            {
                await _signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        using var connection = db.Open();
        while (Outgoing.Pending(connection, 100) is { Count: > 0 } page)
        {
            foreach (var outgoing in page)
            {
                await bus.Publish(outgoing.Message, outgoing.Message.GetType(), Pipe.Execute<PublishContext>(c => c.MessageId = outgoing.MessageId), ct);
                Outgoing.Delete(connection, outgoing.Sequence);
                log.LogInformation("Published {Message} {MessageId}", outgoing.Message.GetType().Name, outgoing.MessageId);
            }
        }
    }
}

using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Subscriptions;
using MassTransit;

namespace CaseTracker.Bus;

/// <summary>
/// Publishes the integration messages of the global log. A checkpointed subscription: the checkpoint moves only after
/// the broker confirmed every publish of the page (publisher confirms), so a crash or an unreachable broker means the
/// page is published again — at least once, each message carrying its domain event's id.
/// </summary>
public sealed class CaseTrackerOutbox(IEventStore store, ICheckpointStore checkpoints, IBus bus, ILogger<CaseTrackerOutbox> log,
    Web.Resilience.StoreOutage outage)
    : BackgroundService
{
    public const string CheckpointName = "outbox.bus";

    /// <summary>
    /// Test hook (issue 17 item 2): when set to N, the process kills itself (SIGKILL: no shutdown, no checkpoint) right
    /// after the broker confirmed its N-th publish, so a test can prove the consumers' de-duplication across a real crash.
    /// Never set it on a production host.
    /// </summary>
    public const string KillAfterPublishesVariable = "CASETRACKER_TEST_KILL_AFTER_PUBLISHES";

    private readonly int _killAfter = int.TryParse(Environment.GetEnvironmentVariable(KillAfterPublishesVariable), out var n) && n > 0 ? n : 0;
    private int _published;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscription = new CheckpointedSubscription(store, checkpoints, CheckpointName, PublishAsync);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await subscription.RunAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && Web.Resilience.StoreOutage.IsOutage(e))
            {
                outage.Report(e, "bus outbox");
                await Task.Delay(RetryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Outbox could not publish; resuming from its checkpoint in {Delay}", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task PublishAsync(EventEnvelope envelope, CancellationToken ct)
    {
        if (!IntegrationMessages.Concerns(envelope.Event))
        {
            return;
        }

        var history = await store.ReadStreamAsync(envelope.StreamId, ReadDirection.Forwards, 1, checked((int)envelope.StreamVersion), ct);
        var state = CaseDecider.Fold(history.Select(e => e.Event));
        foreach (var message in IntegrationMessages.From(envelope.EventId, envelope.Event, state))
        {
            await bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context =>
            {
                context.MessageId = envelope.EventId;
                context.CorrelationId = envelope.CorrelationId;
            }), ct);
            log.LogInformation("Published {Message} {MessageId}", message.GetType().Name, envelope.EventId);
            if (_killAfter > 0 && Interlocked.Increment(ref _published) == _killAfter)
            {
                log.LogCritical("{Variable}={Count}: killing the process between publish and checkpoint", KillAfterPublishesVariable, _killAfter);
                System.Diagnostics.Process.GetCurrentProcess().Kill();
            }
        }
    }
}

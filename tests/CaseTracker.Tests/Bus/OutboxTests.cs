using CaseTracker.Bus;
using CaseTracker.Contracts;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;

namespace CaseTracker.Tests.Bus;

public class OutboxTests : BusTestBase
{
    [Fact]
    public async Task A_decided_case_is_published_as_CaseDecidedV1_with_the_domain_event_id_as_message_id()
    {
        await using var litigation = await LitigationStandIn.StartAsync(Broker);
        await using var node = await CaseTrackerNode.StartAsync(Store, Broker);

        var caseId = await node.DecidedCaseAsync("依申请〔2026〕17号", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 20));

        var received = await Eventually.ReturnsAsync(() => Task.FromResult(litigation.Decided.ToArray()), r => r.Length > 0, "CaseDecidedV1");
        var decidedEvent = (await node.StreamAsync(caseId)).Single(e => e.Event is CaseEvent.Decided);
        var message = Assert.Single(received);
        Assert.Equal(
            new CaseDecidedV1(decidedEvent.EventId, caseId, "市自然资源局", "依申请〔2026〕17号", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 20), "disclosed", "decided"),
            message.Message);
        Assert.Equal(decidedEvent.EventId, message.MessageId);
        Assert.Equal(decidedEvent.CorrelationId, message.CorrelationId);
    }

    [Fact]
    public async Task The_checkpoint_moves_only_past_published_events()
    {
        await using var litigation = await LitigationStandIn.StartAsync(Broker);
        await using var node = await CaseTrackerNode.StartAsync(Store, Broker);

        var caseId = await node.DecidedCaseAsync("依申请〔2026〕18号", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 20));

        var last = (await node.StreamAsync(caseId))[^1].Position;
        await Eventually.ReturnsAsync(() => Task.FromResult(litigation.Decided.Count), n => n == 1, "CaseDecidedV1");
        var checkpoint = await Eventually.ReturnsAsync(
            () => node.Checkpoints.LoadCheckpointAsync(CaseTrackerOutbox.CheckpointName), p => p >= last, "the outbox checkpoint to reach the decision");
        Assert.Equal(last, checkpoint);
    }

    [Fact]
    public async Task After_a_restart_the_outbox_resumes_from_its_checkpoint_without_losing_or_repeating_messages()
    {
        await using var litigation = await LitigationStandIn.StartAsync(Broker);
        Guid first;
        await using (var node = await CaseTrackerNode.StartAsync(Store, Broker))
        {
            first = await node.DecidedCaseAsync("依申请〔2026〕21号", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 10));
            var last = (await node.StreamAsync(first))[^1].Position;
            await Eventually.ReturnsAsync(
                () => node.Checkpoints.LoadCheckpointAsync(CaseTrackerOutbox.CheckpointName), p => p >= last, "the checkpoint past the first decision");
        }

        // Decided while CaseTracker's bus is down: written to the store file by a node that is then stopped at once.
        Guid second;
        await using (var offline = await CaseTrackerNode.StartAsync(Store, new Uri("amqp://guest:guest@127.0.0.1:1/"), waitForBus: false))
        {
            second = await offline.DecidedCaseAsync("依申请〔2026〕22号", new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 12));
        }

        await using (var restarted = await CaseTrackerNode.StartAsync(Store, Broker))
        {
            await Eventually.ReturnsAsync(() => Task.FromResult(litigation.Decided.Count), n => n >= 2, "the second CaseDecidedV1");
            var third = await restarted.DecidedCaseAsync("依申请〔2026〕23号", new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 13));
            await Eventually.ReturnsAsync(() => Task.FromResult(litigation.Decided.Count), n => n >= 3, "the third CaseDecidedV1");
            Assert.Equal([first, second, third], litigation.Decided.Select(c => c.Message.CaseId));
        }
    }

    [Fact]
    public async Task The_broker_connection_is_reported_healthy()
    {
        await using var node = await CaseTrackerNode.StartAsync(Store, Broker);
        var health = (Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService)node.Services.GetService(typeof(Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService))!;

        var report = await Eventually.ReturnsAsync(
            () => health.CheckHealthAsync(),
            r => r.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
            "a healthy bus");
        Assert.Contains(report.Entries, e => e.Value.Tags.Contains("masstransit"));
    }
}

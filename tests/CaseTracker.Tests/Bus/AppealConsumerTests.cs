using CaseTracker.Bus;
using CaseTracker.Contracts;
using CaseTracker.Domain.Cases;
using MassTransit;

namespace CaseTracker.Tests.Bus;

public class AppealConsumerTests : BusTestBase
{
    [Fact]
    public async Task A_reconsideration_message_becomes_a_ReconsiderationFiled_event_recorded_by_litigation()
    {
        await using var litigation = await LitigationStandIn.StartAsync(Broker);
        await using var node = await CaseTrackerNode.StartAsync(Store, Broker);
        var caseId = await node.DecidedCaseAsync("依申请〔2026〕31号", new DateOnly(2026, 5, 6), new DateOnly(2026, 5, 20));
        var messageId = Guid.NewGuid();

        await litigation.PublishAsync(new ReconsiderationFiledV1(messageId, caseId, "市政复〔2026〕8号", new DateOnly(2026, 6, 1), "市人民政府"));

        var stream = await Eventually.ReturnsAsync(() => node.StreamAsync(caseId), s => s.Count == 3, "the reconsideration on the case stream");
        Assert.Equal(new CaseEvent.ReconsiderationFiled("市政复〔2026〕8号", new DateOnly(2026, 6, 1), "市人民政府"), stream[^1].Event);
        Assert.Equal("litigation", stream[^1].Actor);
        Assert.Equal(messageId, stream[^1].CausationId);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_changes_nothing()
    {
        await using var litigation = await LitigationStandIn.StartAsync(Broker);
        await using var node = await CaseTrackerNode.StartAsync(Store, Broker);
        var caseId = await node.DecidedCaseAsync("依申请〔2026〕32号", new DateOnly(2026, 5, 6), new DateOnly(2026, 5, 20));
        var filed = new LawsuitFiledV1(Guid.NewGuid(), caseId, "(2026)京0105行初88号", new DateOnly(2026, 6, 3), "朝阳区人民法院", false);

        await litigation.PublishAsync(filed);
        await litigation.PublishAsync(filed);
        await litigation.PublishAsync(new LawsuitConcludedV1(Guid.NewGuid(), caseId, "(2026)京0105行初88号", new DateOnly(2026, 9, 1), AppealResults.Corrected));

        var stream = await Eventually.ReturnsAsync(
            () => node.StreamAsync(caseId), s => s.Any(e => e.Event is CaseEvent.LawsuitConcluded), "the conclusion after the two deliveries");
        Assert.Equal(
            [typeof(CaseEvent.Received), typeof(CaseEvent.Decided), typeof(CaseEvent.LawsuitFiled), typeof(CaseEvent.LawsuitConcluded)],
            stream.Select(e => e.Event.GetType()));
        Assert.Equal(AppealResult.Corrected, ((CaseEvent.LawsuitConcluded)stream[^1].Event).Result);
        Assert.Empty(litigation.Faults);
    }

    [Fact]
    public async Task A_message_for_an_unknown_case_is_faulted_at_once_and_writes_nothing()
    {
        await using var litigation = await LitigationStandIn.StartAsync(Broker);
        await using var node = await CaseTrackerNode.StartAsync(Store, Broker);
        var unknown = Guid.NewGuid();

        await litigation.PublishAsync(new ReconsiderationFiledV1(Guid.NewGuid(), unknown, "市政复〔2026〕9号", new DateOnly(2026, 6, 1), "市人民政府"));

        var faults = await Eventually.ReturnsAsync(() => Task.FromResult(litigation.Faults.ToArray()), f => f.Length > 0, "the fault");
        var fault = Assert.Single(faults);
        Assert.Equal(unknown, fault.CaseId);
        Assert.Contains(fault.Fault.Exceptions, e => e.ExceptionType.EndsWith("NotFoundException", StringComparison.Ordinal));
        Assert.Empty(await node.StreamAsync(unknown));
    }

    [Fact]
    public async Task A_lawsuit_message_for_an_unknown_case_is_faulted_too_and_the_stand_in_sees_that_fault()
    {
        await using var litigation = await LitigationStandIn.StartAsync(Broker);
        await using var node = await CaseTrackerNode.StartAsync(Store, Broker);
        var unknown = Guid.NewGuid();

        await litigation.PublishAsync(new LawsuitFiledV1(Guid.NewGuid(), unknown, "(2026)京0105行初90号", new DateOnly(2026, 6, 3), "朝阳区人民法院", false));

        var faults = await Eventually.ReturnsAsync(() => Task.FromResult(litigation.Faults.ToArray()), f => f.Length > 0, "the lawsuit's fault");
        var fault = Assert.Single(faults);
        Assert.Equal(unknown, fault.CaseId);
        Assert.IsAssignableFrom<Fault<LawsuitFiledV1>>(fault.Fault);
        Assert.Empty(await node.StreamAsync(unknown));
    }
}

using CaseTracker.Agencies;
using CaseTracker.Contracts;
using CaseTracker.Domain.Cases;
using CaseTracker.Reports;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Tests.Bus;

/// <summary>Appeals not tied to a request, as LitigationTracker announces them: kept once, refused when they contradict.</summary>
public class AgencyAppealConsumerTests : BusTestBase
{
    private const string Agency = "区司法局";

    private static async Task<CaseTrackerNode> StartAsync(string store, Uri broker)
    {
        var node = await CaseTrackerNode.StartAsync(store, broker);
        await node.Services.GetRequiredService<AgencyDirectory>().RegisterNewAsync([Agency], "test", default);
        return node;
    }

    [Fact]
    public async Task A_filing_delivered_twice_is_kept_once_and_its_conclusion_completes_it()
    {
        await using var litigation = await LitigationStandIn.StartAsync(Broker);
        await using var node = await StartAsync(Store, Broker);
        var appeals = node.Services.GetRequiredService<AgencyAppeals>();
        var filed = new AgencyAppealFiledV1(Guid.NewGuid(), Agency, "区政复〔2025〕3号", "reconsideration", "主动公开", new DateOnly(2025, 3, 2), "区人民政府", false);

        await litigation.PublishAsync(filed);
        await litigation.PublishAsync(filed);
        await litigation.PublishAsync(new AgencyAppealConcludedV1(Guid.NewGuid(), Agency, "区政复〔2025〕3号", new DateOnly(2025, 6, 1), AppealResults.Upheld));

        var kept = await Eventually.ReturnsAsync(() => appeals.ListAsync(default), l => l.Any(a => a.ConcludedOn is not null), "the concluded appeal");
        Assert.Equal(
            new AgencyAppeal(Agency, "区政复〔2025〕3号", AppealKind.Reconsideration, "主动公开", new DateOnly(2025, 3, 2), "区人民政府", false,
                new DateOnly(2025, 6, 1), AppealResult.Upheld),
            Assert.Single(kept));
        Assert.Empty(litigation.Faults);
    }

    [Fact]
    public async Task An_agency_CaseTracker_does_not_know_is_faulted_and_nothing_is_kept()
    {
        await using var litigation = await LitigationStandIn.StartAsync(Broker);
        await using var node = await StartAsync(Store, Broker);

        await litigation.PublishAsync(new AgencyAppealFiledV1(
            Guid.NewGuid(), "不存在的局", "区政复〔2025〕4号", "reconsideration", "主动公开", new DateOnly(2025, 3, 2), "区人民政府", false));

        var fault = Assert.Single(await Eventually.ReturnsAsync(() => Task.FromResult(litigation.Faults.ToArray()), f => f.Length > 0, "the fault"));
        Assert.IsAssignableFrom<Fault<AgencyAppealFiledV1>>(fault.Fault);
        Assert.Contains(fault.Fault.Exceptions, e => e.Message.Contains("“不存在的局”未在 CaseTracker 登记", StringComparison.Ordinal));
        Assert.Empty(await node.Services.GetRequiredService<AgencyAppeals>().ListAsync(default));
    }

    [Fact]
    public async Task A_conclusion_that_contradicts_the_kept_one_or_precedes_the_filing_is_faulted_and_changes_nothing()
    {
        await using var litigation = await LitigationStandIn.StartAsync(Broker);
        await using var node = await StartAsync(Store, Broker);
        var appeals = node.Services.GetRequiredService<AgencyAppeals>();
        await litigation.PublishAsync(new AgencyAppealFiledV1(
            Guid.NewGuid(), Agency, "(2025)沪0101行初5号", "lawsuit", "未在系统登记的申请", new DateOnly(2025, 5, 6), "黄浦区人民法院", false));
        await litigation.PublishAsync(new AgencyAppealConcludedV1(Guid.NewGuid(), Agency, "(2025)沪0101行初5号", new DateOnly(2025, 5, 5), AppealResults.Other));
        await litigation.PublishAsync(new AgencyAppealConcludedV1(Guid.NewGuid(), Agency, "(2025)沪0101行初5号", new DateOnly(2025, 9, 1), AppealResults.Other));
        await litigation.PublishAsync(new AgencyAppealConcludedV1(Guid.NewGuid(), Agency, "(2025)沪0101行初5号", new DateOnly(2025, 9, 2), AppealResults.Corrected));

        var faults = await Eventually.ReturnsAsync(() => Task.FromResult(litigation.Faults.ToArray()), f => f.Length == 2, "two faults");
        Assert.Contains(faults, f => f.Fault.Exceptions.Any(e => e.Message.Contains("审结日期2025-05-05早于立案日期2025-05-06", StringComparison.Ordinal)));
        Assert.Contains(faults, f => f.Fault.Exceptions.Any(e => e.Message.Contains("已于2025-09-01审结", StringComparison.Ordinal)));
        var kept = Assert.Single(await appeals.ListAsync(default));
        Assert.Equal((new DateOnly(2025, 9, 1), AppealResult.Other), (kept.ConcludedOn, kept.Result));
    }
}

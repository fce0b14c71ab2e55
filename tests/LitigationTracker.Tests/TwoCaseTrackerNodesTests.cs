using CaseTracker.Contracts;
using CaseTracker.Domain.Cases;
using CaseTracker.Tests.Bus;

namespace LitigationTracker.Tests;

/// <summary>Two CaseTracker nodes on one store and one broker, as docker-compose runs them.</summary>
public class TwoCaseTrackerNodesTests : BusTestBase
{
    [Fact]
    public async Task A_conclusion_never_overtakes_its_filing_when_two_nodes_consume_the_appeal_queue()
    {
        await using var first = await CaseTrackerNode.StartAsync(Store, Broker);
        await using var second = await CaseTrackerNode.StartAsync(Store, Broker);
        await using var litigation = await CaseTrackerStandIn.StartAsync(Broker);
        var cases = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            cases.Add(await first.DecidedCaseAsync($"双节点〔2026〕{i + 1}号", new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 15)));
        }

        // As LitigationTracker publishes them: each filing immediately followed by its conclusion.
        foreach (var caseId in cases)
        {
            await litigation.PublishAsync(new ReconsiderationFiledV1(Guid.NewGuid(), caseId, "市政复〔2026〕1号", new DateOnly(2026, 8, 3), "市人民政府"));
            await litigation.PublishAsync(new ReconsiderationConcludedV1(Guid.NewGuid(), caseId, "市政复〔2026〕1号", new DateOnly(2026, 9, 1), AppealResults.Upheld));
        }

        foreach (var caseId in cases)
        {
            var stream = await Eventually.ReturnsAsync(
                () => first.StreamAsync(caseId), s => s.Count == 4, $"case {caseId}: the filing and the conclusion", TimeSpan.FromSeconds(60));
            Assert.IsType<CaseEvent.ReconsiderationFiled>(stream[2].Event);
            Assert.IsType<CaseEvent.ReconsiderationConcluded>(stream[3].Event);
        }
    }
}

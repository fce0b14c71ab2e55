using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Tests.Bus;

namespace LitigationTracker.Tests;

/// <summary>Both services as they run, on one real broker: CaseTracker's outbox and consumers, LitigationTracker's HTTP API.</summary>
public class EndToEndTests : BusTestBase
{
    [Fact]
    public async Task A_case_decided_in_CaseTracker_reaches_LitigationTracker_through_the_outbox()
    {
        await using var litigation = await LitigationNode.StartAsync(Path.Combine(Directory, "litigation.db"), Broker);
        await using var caseTracker = await CaseTrackerNode.StartAsync(Store, Broker);

        var caseId = await caseTracker.DecidedCaseAsync("依申请〔2026〕41号", new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 15));

        var response = await Eventually.ReturnsAsync(() => litigation.Http.GetAsync($"/cases/{caseId}/appeals"), r => r.StatusCode == HttpStatusCode.OK, "the case in LitigationTracker");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var @case = body.GetProperty("case");
        Assert.Equal(
            ("市自然资源局", "依申请〔2026〕41号", "2026-07-01", "2026-07-15", "disclosed", "decided"),
            (@case.GetProperty("agency").GetString(), @case.GetProperty("caseNumber").GetString(), @case.GetProperty("receivedOn").GetString(),
                @case.GetProperty("decidedOn").GetString(), @case.GetProperty("outcomeCode").GetString(), @case.GetProperty("closureKind").GetString()));
        Assert.Empty(body.GetProperty("appeals").EnumerateArray());
    }

    [Fact]
    public async Task A_reconsideration_recorded_in_LitigationTracker_arrives_on_the_case_stream_recorded_by_litigation()
    {
        await using var litigation = await LitigationNode.StartAsync(Path.Combine(Directory, "litigation.db"), Broker);
        await using var caseTracker = await CaseTrackerNode.StartAsync(Store, Broker);
        var caseId = await caseTracker.DecidedCaseAsync("依申请〔2026〕42号", new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 15));
        await Eventually.ReturnsAsync(() => litigation.Http.GetAsync($"/cases/{caseId}/appeals"), r => r.StatusCode == HttpStatusCode.OK, "the case in LitigationTracker");

        var filed = await litigation.Http.PostAsJsonAsync("/appeals", new { caseId, kind = "reconsideration", appealId = "市政复〔2026〕77号", filedOn = "2026-08-03", body = "市人民政府" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var concluded = await litigation.Http.PostAsJsonAsync("/appeals/conclusions", new { caseId, appealId = "市政复〔2026〕77号", concludedOn = "2026-10-09", result = "维持" });
        Assert.Equal(HttpStatusCode.OK, concluded.StatusCode);

        var stream = await Eventually.ReturnsAsync(() => caseTracker.StreamAsync(caseId), s => s.Count == 4, "the reconsideration and its conclusion on the case stream");
        Assert.Equal(new CaseEvent.ReconsiderationFiled("市政复〔2026〕77号", new DateOnly(2026, 8, 3), "市人民政府"), stream[2].Event);
        Assert.Equal(new CaseEvent.ReconsiderationConcluded("市政复〔2026〕77号", new DateOnly(2026, 10, 9), AppealResult.Upheld), stream[3].Event);
        Assert.All(stream.Skip(2), e => Assert.Equal("litigation", e.Actor));
        Assert.All(stream.Skip(2), e => Assert.NotNull(e.CausationId));
        Assert.NotEqual(stream[2].CausationId, stream[3].CausationId);
    }

    [Fact]
    public async Task A_corrected_outcome_in_CaseTracker_updates_the_case_in_LitigationTracker()
    {
        await using var litigation = await LitigationNode.StartAsync(Path.Combine(Directory, "litigation.db"), Broker);
        await using var caseTracker = await CaseTrackerNode.StartAsync(Store, Broker);
        var caseId = await caseTracker.DecidedCaseAsync("依申请〔2026〕43号", new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 15));
        await Eventually.ReturnsAsync(() => litigation.Http.GetAsync($"/cases/{caseId}/appeals"), r => r.StatusCode == HttpStatusCode.OK, "the case in LitigationTracker");

        await caseTracker.RecordAsync(caseId, new CaseCommand.CorrectOutcome(Outcome.UnavailableNeedsCreation, GroundList.None, "答复类型录入错误", new DateOnly(2026, 7, 20)));

        await Eventually.ReturnsAsync(
            async () => (await litigation.Http.GetFromJsonAsync<JsonElement>($"/cases/{caseId}/appeals")).GetProperty("case").GetProperty("outcomeCode").GetString(),
            code => code == "unable.needs_creation",
            "the corrected outcome in LitigationTracker");
    }
}

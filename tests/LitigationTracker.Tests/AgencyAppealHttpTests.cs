using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseTracker.Contracts;
using CaseTracker.Tests.Bus;

namespace LitigationTracker.Tests;

/// <summary>POST /agency-appeals: appeals about the agency's disclosure work not tied to a case in CaseTracker.</summary>
public sealed class AgencyAppealHttpTests : BusTestBase
{
    private const string Agency = "区司法局";

    private string DatabasePath => Path.Combine(Directory, "litigation.db");

    private static object Filing(string appealId = "区政复〔2026〕21号", string filedOn = "2026-03-02") =>
        new { agency = Agency, kind = "reconsideration", appealId, subject = "主动公开", filedOn, body = "区人民政府" };

    [Fact]
    public async Task Filing_and_concluding_publish_one_message_each_and_a_contradicting_repeat_is_a_conflict()
    {
        await using var caseTracker = await CaseTrackerStandIn.StartAsync(Broker);
        await using var node = await LitigationNode.StartAsync(DatabasePath, Broker);

        Assert.Equal(HttpStatusCode.Created, (await node.Http.PostAsJsonAsync("/agency-appeals", Filing())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Http.PostAsJsonAsync("/agency-appeals", Filing())).StatusCode);
        var conflict = await node.Http.PostAsJsonAsync("/agency-appeals", Filing(filedOn: "2026-03-03"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("区司法局已登记案号为“区政复〔2026〕21号”的行政复议，内容与本次不同；如需更正请联系管理员。",
            (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var conclusion = new { agency = Agency, appealId = "区政复〔2026〕21号", concludedOn = "2026-05-20", result = "纠正" };
        Assert.Equal(HttpStatusCode.OK, (await node.Http.PostAsJsonAsync("/agency-appeals/conclusions", conclusion)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Http.PostAsJsonAsync("/agency-appeals/conclusions", conclusion)).StatusCode);

        var messages = await Eventually.ReturnsAsync(
            () => Task.FromResult(caseTracker.Messages.ToArray()), m => m.Any(x => x is AgencyAppealConcludedV1), "the conclusion message");
        Assert.Collection(
            messages,
            m => Assert.Equal(
                new AgencyAppealFiledV1(((AgencyAppealFiledV1)m).MessageId, Agency, "区政复〔2026〕21号", "reconsideration", "主动公开",
                    new DateOnly(2026, 3, 2), "区人民政府", false),
                m),
            m => Assert.Equal(
                new AgencyAppealConcludedV1(((AgencyAppealConcludedV1)m).MessageId, Agency, "区政复〔2026〕21号", new DateOnly(2026, 5, 20), "纠正"), m));

        var listed = Assert.Single((await node.Http.GetFromJsonAsync<JsonElement>("/agency-appeals")).EnumerateArray());
        Assert.Equal(("区政复〔2026〕21号", "主动公开", "2026-05-20", "纠正"),
            (listed.GetProperty("appealId").GetString(), listed.GetProperty("subject").GetString(),
                listed.GetProperty("concludedOn").GetString(), listed.GetProperty("result").GetString()));
    }

    [Fact]
    public async Task Invalid_fields_and_a_date_after_today_are_refused_naming_each_field_and_nothing_is_published()
    {
        await using var caseTracker = await CaseTrackerStandIn.StartAsync(Broker);
        await using var node = await LitigationNode.StartAsync(DatabasePath, Broker);
        const string tomorrow = "2099-01-01";

        var response = await node.Http.PostAsJsonAsync("/agency-appeals",
            new { agency = " ", kind = "lawsuit", appealId = "(2026)测行初30号", subject = "", filedOn = tomorrow, afterReconsideration = false });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("被申请（被诉）机关（agency）不能为空。", errors.GetProperty("agency")[0].GetString());
        Assert.Equal("复议或诉讼事由（subject）不能为空。", errors.GetProperty("subject")[0].GetString());
        Assert.Equal("受理法院（court）不能为空。", errors.GetProperty("court")[0].GetString());
        Assert.StartsWith($"立案（申请）日期（filedOn）{tomorrow}晚于今天", errors.GetProperty("filedOn")[0].GetString());

        var conclusion = await node.Http.PostAsJsonAsync("/agency-appeals/conclusions",
            new { agency = Agency, appealId = "区政复〔2026〕21号", concludedOn = tomorrow, result = "维持" });
        Assert.Equal(HttpStatusCode.BadRequest, conclusion.StatusCode);
        Assert.StartsWith($"审结日期（concludedOn）{tomorrow}晚于今天",
            (await conclusion.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("concludedOn")[0].GetString());

        var unknown = await node.Http.PostAsJsonAsync("/agency-appeals/conclusions",
            new { agency = Agency, appealId = "区政复〔2026〕99号", concludedOn = "2026-05-20", result = "维持" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(await node.Http.GetFromJsonAsync<JsonElement[]>("/agency-appeals") ?? []);
        Assert.Empty(caseTracker.Messages);
    }

    [Fact]
    public async Task Only_legal_staff_with_the_agency_in_reach_may_record_and_each_sees_only_their_agencies()
    {
        await using var caseTracker = await CaseTrackerStandIn.StartAsync(Broker);
        await using var node = await LitigationNode.StartAsync(DatabasePath, Broker);
        using var education = node.As(CaseTrackerAccounts.EducationLegal);
        using var caseworker = node.As(CaseTrackerAccounts.MarketCaseworker);

        Assert.Equal(HttpStatusCode.Forbidden, (await education.PostAsJsonAsync("/agency-appeals", Filing())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.PostAsJsonAsync("/agency-appeals", Filing())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await node.Http.PostAsJsonAsync("/agency-appeals", Filing())).StatusCode);

        Assert.Empty(await education.GetFromJsonAsync<JsonElement[]>("/agency-appeals") ?? []);
        Assert.Single(await node.Http.GetFromJsonAsync<JsonElement[]>("/agency-appeals") ?? []);
    }

    [Fact]
    public async Task An_appeal_on_a_case_dated_after_today_is_refused_before_it_reaches_CaseTracker()
    {
        await using var caseTracker = await CaseTrackerStandIn.StartAsync(Broker);
        await using var node = await LitigationNode.StartAsync(DatabasePath, Broker);
        const string tomorrow = "2099-01-01";

        var response = await node.Http.PostAsJsonAsync("/appeals",
            new { caseId = Guid.NewGuid(), kind = "reconsideration", appealId = "区政复〔2026〕40号", filedOn = tomorrow, body = "区人民政府" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith($"立案（申请）日期（filedOn）{tomorrow}晚于今天",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("filedOn")[0].GetString());
    }
}

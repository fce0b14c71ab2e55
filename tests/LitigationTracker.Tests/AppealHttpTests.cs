using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseTracker.Contracts;
using CaseTracker.Tests.Bus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LitigationTracker.Tests;

public sealed class AppealHttpTests : BusTestBase
{
    private static readonly Guid CaseId = Guid.Parse("3f2b8c1e-5a44-4f0b-8d2e-6c9a1b7e0f12");

    private string DatabasePath => Path.Combine(Directory, "litigation.db");

    private async Task<(LitigationNode Node, CaseTrackerStandIn CaseTracker)> StartWithDecidedCaseAsync()
    {
        var caseTracker = await CaseTrackerStandIn.StartAsync(Broker);
        var node = await LitigationNode.StartAsync(DatabasePath, Broker);
        await caseTracker.PublishAsync(new CaseDecidedV1(
            Guid.NewGuid(), CaseId, "区市场监管局", "市监公开〔2026〕3号", new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 27), "refused.third_party_rights", ClosureKinds.Decided));
        await Eventually.ReturnsAsync(() => node.Http.GetAsync($"/cases/{CaseId}/appeals"), r => r.StatusCode == HttpStatusCode.OK, "the case to be known");
        return (node, caseTracker);
    }

    private static object Reconsideration(string appealId = "区政复〔2026〕5号", string filedOn = "2026-03-10") =>
        new { caseId = CaseId, kind = "reconsideration", appealId, filedOn, body = "区人民政府" };

    [Fact]
    public async Task Invalid_fields_are_refused_with_Chinese_messages_naming_each_field()
    {
        var (node, caseTracker) = await StartWithDecidedCaseAsync();
        await using var _ = node;
        await using var __ = caseTracker;

        var response = await node.Http.PostAsJsonAsync("/appeals", new { caseId = "abc", kind = "appeal", appealId = " ", filedOn = "2026-02-30" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("案件标识（caseId）“abc”不是有效的案件标识。", errors.GetProperty("caseId")[0].GetString());
        Assert.Equal("类型（kind）须为 reconsideration（行政复议）或 lawsuit（行政诉讼）。", errors.GetProperty("kind")[0].GetString());
        Assert.Equal("复议或诉讼案号（appealId）不能为空。", errors.GetProperty("appealId")[0].GetString());
        Assert.Equal("立案（申请）日期（filedOn）“2026-02-30”不是有效日期，请按 yyyy-MM-dd 填写。", errors.GetProperty("filedOn")[0].GetString());
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_not_a_crash()
    {
        var (node, caseTracker) = await StartWithDecidedCaseAsync();
        await using var _ = node;
        await using var __ = caseTracker;

        var response = await node.Http.PostAsync("/appeals", new StringContent("{\"caseId\": 5", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("请求体不是有效的 JSON", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_appeal_against_a_case_CaseTracker_has_not_announced_is_not_found()
    {
        var (node, caseTracker) = await StartWithDecidedCaseAsync();
        await using var _ = node;
        await using var __ = caseTracker;
        var unknown = Guid.NewGuid();

        var response = await node.Http.PostAsJsonAsync("/appeals", new { caseId = unknown, kind = "lawsuit", appealId = "(2026)行初1号", filedOn = "2026-03-01", court = "区人民法院" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"没有案件“{unknown}”", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_filing_dated_before_the_request_was_received_is_refused()
    {
        var (node, caseTracker) = await StartWithDecidedCaseAsync();
        await using var _ = node;
        await using var __ = caseTracker;

        var response = await node.Http.PostAsJsonAsync("/appeals", Reconsideration(filedOn: "2026-01-31"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("立案（申请）日期（filedOn）2026-01-31早于收到申请日期2026-02-02。", errors.GetProperty("filedOn")[0].GetString());
    }

    [Fact]
    public async Task Filing_and_concluding_publish_one_message_each_even_when_the_requests_are_repeated()
    {
        var (node, caseTracker) = await StartWithDecidedCaseAsync();
        await using var _ = node;
        await using var __ = caseTracker;

        Assert.Equal(HttpStatusCode.Created, (await node.Http.PostAsJsonAsync("/appeals", Reconsideration())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Http.PostAsJsonAsync("/appeals", Reconsideration())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await node.Http.PostAsJsonAsync("/appeals", Reconsideration(filedOn: "2026-03-11"))).StatusCode);
        var conclusion = new { caseId = CaseId, appealId = "区政复〔2026〕5号", concludedOn = "2026-05-08", result = "纠正" };
        Assert.Equal(HttpStatusCode.OK, (await node.Http.PostAsJsonAsync("/appeals/conclusions", conclusion)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Http.PostAsJsonAsync("/appeals/conclusions", conclusion)).StatusCode);

        var messages = await Eventually.ReturnsAsync(
            () => Task.FromResult(caseTracker.Messages.ToArray()), m => m.Any(x => x is ReconsiderationConcludedV1), "the conclusion message");
        Assert.Collection(
            messages,
            m => Assert.Equal(new ReconsiderationFiledV1(((ReconsiderationFiledV1)m).MessageId, CaseId, "区政复〔2026〕5号", new DateOnly(2026, 3, 10), "区人民政府"), m),
            m => Assert.Equal(new ReconsiderationConcludedV1(((ReconsiderationConcludedV1)m).MessageId, CaseId, "区政复〔2026〕5号", new DateOnly(2026, 5, 8), "纠正"), m));

        var appeals = (await node.Http.GetFromJsonAsync<JsonElement>($"/cases/{CaseId}/appeals")).GetProperty("appeals");
        var appeal = Assert.Single(appeals.EnumerateArray());
        Assert.Equal(("2026-05-08", "纠正"), (appeal.GetProperty("concludedOn").GetString(), appeal.GetProperty("result").GetString()));
    }

    [Fact]
    public async Task A_conclusion_with_an_unknown_result_is_refused()
    {
        var (node, caseTracker) = await StartWithDecidedCaseAsync();
        await using var _ = node;
        await using var __ = caseTracker;
        await node.Http.PostAsJsonAsync("/appeals", Reconsideration());

        var response = await node.Http.PostAsJsonAsync("/appeals/conclusions", new { caseId = CaseId, appealId = "区政复〔2026〕5号", concludedOn = "2026-05-08", result = "驳回" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("审理结果（result）须为“维持”“纠正”或“其他”。", errors.GetProperty("result")[0].GetString());
    }

    [Fact]
    public async Task A_redelivered_CaseDecidedV1_is_recognised_by_its_message_id_and_changes_nothing()
    {
        var (node, caseTracker) = await StartWithDecidedCaseAsync();
        await using var _ = node;
        await using var __ = caseTracker;
        var other = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var decided = new CaseDecidedV1(messageId, other, "区教育局", "教公开〔2026〕1号", new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 20), "disclosed", ClosureKinds.Decided);

        await caseTracker.PublishAsync(decided);
        await caseTracker.PublishAsync(decided with { Agency = "被篡改的机关" });
        await caseTracker.PublishAsync(decided with { MessageId = Guid.NewGuid(), CaseId = Guid.NewGuid() });

        await Eventually.ReturnsAsync(() => CountCasesAsync(node), n => n == 3, "the three cases' rows");
        var @case = (await node.Http.GetFromJsonAsync<JsonElement>($"/cases/{other}/appeals")).GetProperty("case");
        Assert.Equal("区教育局", @case.GetProperty("agency").GetString());
    }

    [Fact]
    public async Task Health_reports_the_broker_connection()
    {
        await using var node = await LitigationNode.StartAsync(DatabasePath, Broker);

        var response = await node.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        var report = await node.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Contains(report.Entries, e => e.Value.Tags.Contains("masstransit") && e.Value.Status == HealthStatus.Healthy);
    }

    private static Task<long> CountCasesAsync(LitigationNode node)
    {
        using var connection = node.Db.Open();
        return Task.FromResult((long)Storage.LitigationDb.Command(connection, null, "SELECT count(*) FROM cases").ExecuteScalar()!);
    }
}

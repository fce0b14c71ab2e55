using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

[Collection(HostCollection.Name)]
public class ApiTests(HostFixture host)
{
    [Fact]
    public async Task Receiving_a_request_returns_the_case_with_its_stream_version_as_ETag()
    {
        using var api = host.Api("cw-edu");
        var response = await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(Education, "EDU-2026-001"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("EDU-2026-001", body.Str("caseNumber"));
        Assert.Equal("办理中", body.GetProperty("clock").Str("statusLabel"));
        Assert.Equal($"/api/cases/{body.GetProperty("caseId").GetGuid()}", response.Headers.Location!.OriginalString);

        var get = await api.GetAsync(response.Headers.Location);
        Assert.Equal("\"1\"", get.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_milestone_with_the_current_version_is_recorded_and_moves_the_ETag()
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        var response = await api.RecordAsync(id, "request-supplement", new { on = ApiHelpers.Today.Iso(), items = "请写明文件名称", respondBy = ApiHelpers.Today.AddDays(15).Iso() }, etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("暂停计时", body.GetProperty("clock").Str("statusLabel"));
        Assert.Equal("告知补正", body.GetProperty("milestones")[1].Str("title"));
        Assert.Equal("cw-edu", body.GetProperty("milestones")[1].Str("actor"));
    }

    [Fact]
    public async Task Milestones_in_a_row_each_answer_the_whole_case_as_a_fresh_read_shows_it()
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        var first = await api.RecordAsync(id, "start-consultation", new { kind = "ThirdParty", party = "甲公司", on = ApiHelpers.Today.Iso() }, etag);
        Assert.Equal("\"2\"", first.Headers.ETag!.Tag);
        var second = await api.RecordAsync(id, "start-consultation", new { kind = "ThirdParty", party = "乙公司", on = ApiHelpers.Today.Iso() }, "\"2\"");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("\"3\"", second.Headers.ETag!.Tag);
        var answered = await second.Content.ReadFromJsonAsync<JsonElement>();
        var fresh = await api.GetCaseAsync(id);
        Assert.Equal(3, answered.GetProperty("version").GetInt64());
        Assert.Equal(3, answered.GetProperty("milestones").GetArrayLength());
        Assert.Equal(fresh.GetProperty("milestones").ToString(), answered.GetProperty("milestones").ToString());
        Assert.Equal(fresh.GetProperty("clock").ToString(), answered.GetProperty("clock").ToString());
    }

    [Fact]
    public async Task A_stale_If_Match_is_refused_with_412_and_nothing_is_written()
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        Assert.Equal(HttpStatusCode.OK, (await api.RecordAsync(id, "request-reasons", new { on = ApiHelpers.Today.Iso() }, etag)).StatusCode);

        var stale = await api.RecordAsync(id, "withdraw", new { on = ApiHelpers.Today.Iso() }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var problem = await stale.ProblemAsync();
        Assert.Equal("version.conflict", problem.Str("rule"));
        Assert.Contains("已被他人更新", problem.Str("detail"));
        Assert.Equal(2, (await api.GetCaseAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_change_without_If_Match_is_refused_with_428()
    {
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);
        var response = await api.RecordAsync(id, "withdraw", new { on = ApiHelpers.Today.Iso() }, null);
        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Contains("If-Match", (await response.ProblemAsync()).Str("detail"));
    }

    [Fact]
    public async Task A_decision_dated_after_today_in_Beijing_is_refused_through_the_API()
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);

        // The day after tomorrow on the test machine is after today in Beijing whatever the machine's zone (at most a day apart).
        var response = await api.RecordAsync(id, "answer", new { on = ApiHelpers.Today.AddDays(2).Iso(), outcome = "DisclosedProvided" }, etag);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("date.in_future", (await response.ProblemAsync()).Str("rule"));
        Assert.Equal(1, (await api.GetCaseAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_supplement_notice_needs_its_period_and_its_lapse_waits_for_it_through_the_API()
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education, ApiHelpers.Today.AddDays(-3));

        var without = await api.RecordAsync(id, "request-supplement", new { on = ApiHelpers.Today.AddDays(-2).Iso(), items = "写明年份" }, etag);
        Assert.False(without.IsSuccessStatusCode);
        Assert.Contains("补正期限", (await without.ProblemAsync()).Str("detail"), StringComparison.Ordinal);

        var with = await api.RecordAsync(id, "request-supplement", new { on = ApiHelpers.Today.AddDays(-2).Iso(), items = "写明年份", respondBy = ApiHelpers.Today.AddDays(10).Iso() }, etag);
        with.EnsureSuccessStatusCode();
        var lapse = await api.RecordAsync(id, "lapse-supplement", new { on = ApiHelpers.Today.Iso() }, with.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lapse.StatusCode);
        Assert.Equal("supplement.lapse_too_early", (await lapse.ProblemAsync()).Str("rule"));
    }

    [Fact]
    public async Task A_rule_of_the_regulations_is_a_422_with_the_rule_code_in_Chinese()
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        var response = await api.RecordAsync(id, "record-supplement", new { on = ApiHelpers.Today.Iso() }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("supplement.not_requested", problem.Str("rule"));
        Assert.Contains("没有补正告知", problem.Str("detail"));
        Assert.Equal(1, (await api.GetCaseAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_decision_with_a_withholding_ground_closes_the_case()
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        var response = await api.RecordAsync(id, "answer",
            new { on = ApiHelpers.Today.Iso(), outcome = "PartiallyDisclosed", withheldGrounds = new[] { "RefusedThirdPartyRights" }, note = "" }, etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("已办结", body.GetProperty("clock").Str("statusLabel"));
        Assert.Equal("PartiallyDisclosed", body.Str("outcome"));
        Assert.Contains("保护第三方合法权益", body.GetProperty("milestones")[1].Str("detail"));
    }

    [Fact]
    public async Task Personal_data_is_shown_to_the_agency_and_hidden_from_an_auditor()
    {
        using var caseworker = host.Api("cw-edu");
        using var auditor = host.Api("auditor-all");
        var (id, _) = await caseworker.ReceiveAsync(Education);
        Assert.Equal("张三", (await caseworker.GetCaseAsync(id)).GetProperty("applicant").Str("name"));
        var seen = await auditor.GetCaseAsync(id);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("applicant").ValueKind);
        Assert.DoesNotContain("张三", seen.GetRawText());
        Assert.DoesNotContain("13800000000", seen.GetRawText());
    }

    [Fact]
    public async Task Unknown_case_and_unknown_milestone_kind_are_404_problems()
    {
        using var api = host.Api("cw-edu");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/cases/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal("not_found", (await (await api.GetAsync("/api/cases/not-a-guid")).ProblemAsync()).Str("rule"));
        var (id, etag) = await api.ReceiveAsync(Education);
        var response = await api.RecordAsync(id, "teleport", new { on = ApiHelpers.Today.Iso() }, etag);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("request-supplement", (await response.ProblemAsync()).Str("detail"));
    }

    [Fact]
    public async Task The_dashboard_lists_a_new_case_among_supplement_notices_to_send_until_one_is_sent()
    {
        using var api = host.Api("cw-health");
        var (id, etag) = await api.ReceiveAsync(HealthCommission);
        var before = await WaitForDashboardAsync(api, d => Ids(d, "supplementNoticesToSend").Contains(id));
        Assert.Contains(id, Ids(before, "supplementNoticesToSend"));

        (await api.RecordAsync(id, "request-supplement", new { on = ApiHelpers.Today.Iso(), items = "写明年份", respondBy = ApiHelpers.Today.AddDays(15).Iso() }, etag)).EnsureSuccessStatusCode();
        var after = await WaitForDashboardAsync(api, d => Ids(d, "paused").Contains(id));
        Assert.DoesNotContain(id, Ids(after, "supplementNoticesToSend"));
        Assert.Contains(id, Ids(after, "paused"));
    }

    [Fact]
    public async Task The_year_report_is_served_as_JSON_and_as_XLSX()
    {
        using var api = host.Api("sup-district");
        var json = await api.GetAsync($"/api/reports/{ApiHelpers.Today.Year}?agency={Uri.EscapeDataString(District)}&subordinates=true");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var report = await json.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(District, report.Str("agency"));
        var xlsx = await api.GetAsync($"/api/reports/{ApiHelpers.Today.Year}?agency={Uri.EscapeDataString(District)}&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_case_endpoints()
    {
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        var doc = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/cases", out _));
        Assert.True(paths.TryGetProperty("/api/cases/{id}/milestones/request-supplement", out _));
        Assert.True(paths.TryGetProperty("/api/dashboard", out _));
    }

    [Fact]
    public async Task Health_reports_the_store_and_the_projection_lag()
    {
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        var health = await anonymous.GetFromJsonAsync<JsonElement>("/health");
        Assert.True(health.GetProperty("storeReachable").GetBoolean());
        var names = health.GetProperty("projections").EnumerateArray().Select(p => p.Str("name")).ToList();
        Assert.Contains("case-list.v2", names);
        Assert.All(health.GetProperty("projections").EnumerateArray(), p => Assert.True(p.GetProperty("lag").GetInt64() >= 0));
    }

    public static Task<JsonElement> WaitForDashboardAsync(HttpClient api, Func<JsonElement, bool> until) =>
        Eventually.ReturnsAsync(() => api.GetFromJsonAsync<JsonElement>("/api/dashboard"), until, "the dashboard to show the change");

    public static IReadOnlyList<Guid> Ids(JsonElement dashboard, string list) =>
        dashboard.GetProperty(list).EnumerateArray().Select(c => c.GetProperty("caseId").GetGuid()).ToList();
}

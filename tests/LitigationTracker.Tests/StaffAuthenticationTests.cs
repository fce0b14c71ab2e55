using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseTracker.Contracts;
using CaseTracker.Tests.Bus;

namespace LitigationTracker.Tests;

/// <summary>
/// Issue 16, finding 1: LitigationTracker answered anyone. Every route now needs a CaseTracker account; legal staff record
/// appeals for the agencies in their reach, the others read their agencies' cases, and nothing else gets through.
/// </summary>
public sealed class StaffAuthenticationTests : BusTestBase
{
    private static readonly Guid CaseId = Guid.Parse("8d1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b");

    private static readonly object Filing =
        new { caseId = CaseId, kind = "reconsideration", appealId = "区政复〔2026〕9号", filedOn = "2026-03-10", body = "测试区人民政府" };

    private static readonly object Conclusion = new { caseId = CaseId, appealId = "区政复〔2026〕9号", concludedOn = "2026-05-08", result = "维持" };

    private async Task<(LitigationNode Node, CaseTrackerStandIn CaseTracker)> StartAsync(int identityCacheSeconds = 30)
    {
        var caseTracker = await CaseTrackerStandIn.StartAsync(Broker);
        var node = await LitigationNode.StartAsync(Path.Combine(Directory, "litigation.db"), Broker, identityCacheSeconds: identityCacheSeconds);
        await caseTracker.PublishAsync(new CaseDecidedV1(
            Guid.NewGuid(), CaseId, "区市场监管局", "市监公开〔2026〕9号", new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 27), "disclosed", ClosureKinds.Decided));
        await Eventually.ReturnsAsync(() => node.Http.GetAsync($"/cases/{CaseId}/appeals"), r => r.StatusCode == HttpStatusCode.OK, "the case to be known");
        return (node, caseTracker);
    }

    [Fact]
    public async Task Anonymous_requests_are_refused_with_401_and_nothing_is_recorded_or_published()
    {
        var (node, caseTracker) = await StartAsync();
        await using var _ = node;
        await using var __ = caseTracker;
        using var anonymous = node.As(null);

        var filed = await anonymous.PostAsJsonAsync("/appeals", Filing);
        var concluded = await anonymous.PostAsJsonAsync("/appeals/conclusions", Conclusion);
        var read = await anonymous.GetAsync($"/cases/{CaseId}/appeals");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (filed.StatusCode, concluded.StatusCode, read.StatusCode));
        Assert.Equal("Basic realm=\"casetracker\", charset=\"UTF-8\"", filed.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", filed.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("区市场监管局", await read.Content.ReadAsStringAsync());
        Assert.Equal(0, Count(node, "appeals"));
        Assert.Equal(0, Count(node, "outgoing"));
        await Task.Delay(500);
        Assert.Empty(caseTracker.Messages);
    }

    [Fact]
    public async Task A_wrong_password_or_an_unknown_account_is_refused_with_401()
    {
        var (node, caseTracker) = await StartAsync();
        await using var _ = node;
        await using var __ = caseTracker;
        using var wrong = node.As(CaseTrackerAccounts.DistrictLegal, "not-the-password");
        using var unknown = node.As("nobody-here");

        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsJsonAsync("/appeals", Filing)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync($"/cases/{CaseId}/appeals")).StatusCode);
        Assert.Equal(0, Count(node, "appeals"));
    }

    [Fact]
    public async Task Staff_who_are_not_legal_officers_read_their_agencys_cases_but_record_nothing()
    {
        var (node, caseTracker) = await StartAsync();
        await using var _ = node;
        await using var __ = caseTracker;
        Assert.Equal(HttpStatusCode.Created, (await node.Http.PostAsJsonAsync("/appeals", Filing)).StatusCode);

        foreach (var user in new[] { CaseTrackerAccounts.MarketCaseworker, CaseTrackerAccounts.Auditor })
        {
            using var client = node.As(user);
            var read = await client.GetFromJsonAsync<JsonElement>($"/cases/{CaseId}/appeals");
            Assert.Equal("区政复〔2026〕9号", Assert.Single(read.GetProperty("appeals").EnumerateArray()).GetProperty("appealId").GetString());

            var filed = await client.PostAsJsonAsync("/appeals", new { caseId = CaseId, kind = "lawsuit", appealId = "(2026)测行初9号", filedOn = "2026-03-12", court = "区人民法院" });
            var concluded = await client.PostAsJsonAsync("/appeals/conclusions", Conclusion);

            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (filed.StatusCode, concluded.StatusCode));
            Assert.Equal(
                "只有法制人员可以登记行政复议、行政诉讼及其审结；其他角色只能查看本机关的案件。",
                (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        Assert.Equal(1, Count(node, "appeals"));
        var stored = await node.Http.GetFromJsonAsync<JsonElement>($"/cases/{CaseId}/appeals");
        Assert.Null(Assert.Single(stored.GetProperty("appeals").EnumerateArray()).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Legal_staff_of_another_agency_neither_record_nor_read_the_case()
    {
        var (node, caseTracker) = await StartAsync();
        await using var _ = node;
        await using var __ = caseTracker;
        using var education = node.As(CaseTrackerAccounts.EducationLegal);

        var filed = await education.PostAsJsonAsync("/appeals", Filing);
        var read = await education.GetAsync($"/cases/{CaseId}/appeals");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (filed.StatusCode, read.StatusCode));
        var body = await read.Content.ReadAsStringAsync();
        Assert.DoesNotContain("区市场监管局", body);
        Assert.DoesNotContain("市监公开", body);
        Assert.Equal(0, Count(node, "appeals"));

        // The district's legal officer has every department in reach.
        Assert.Equal(HttpStatusCode.Created, (await node.Http.PostAsJsonAsync("/appeals", Filing)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Http.PostAsJsonAsync("/appeals/conclusions", Conclusion)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await education.PostAsJsonAsync("/appeals/conclusions", Conclusion)).StatusCode);
    }

    [Fact]
    public async Task CaseTracker_unreachable_answers_503_with_Retry_After_never_letting_anyone_in()
    {
        var (node, caseTracker) = await StartAsync(identityCacheSeconds: 0);
        await using var _ = node;
        await using var __ = caseTracker;
        await node.Accounts.DisposeAsync();

        var filed = await node.Http.PostAsJsonAsync("/appeals", Filing);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, filed.StatusCode);
        Assert.Equal("5", filed.Headers.RetryAfter?.ToString());
        Assert.Equal("暂时无法向 CaseTracker 核验身份，请稍后重试。", (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await node.As(null).GetAsync($"/cases/{CaseId}/appeals")).StatusCode);
        Assert.Equal(0, Count(node, "appeals"));
    }

    [Fact]
    public async Task CaseTracker_tells_who_a_sign_in_belongs_to_and_which_agencies_are_in_reach()
    {
        await using var node = await LitigationNode.StartAsync(Path.Combine(Directory, "litigation.db"), Broker);
        using var http = new HttpClient { BaseAddress = node.Accounts.Address };

        http.DefaultRequestHeaders.Authorization = CaseTrackerAccounts.Basic(CaseTrackerAccounts.DistrictLegal);
        var district = await http.GetFromJsonAsync<StaffIdentityV1>("/api/me");
        http.DefaultRequestHeaders.Authorization = CaseTrackerAccounts.Basic(CaseTrackerAccounts.MarketCaseworker);
        var caseworker = await http.GetFromJsonAsync<StaffIdentityV1>("/api/me");
        http.DefaultRequestHeaders.Authorization = null;
        var anonymous = await http.GetAsync("/api/me");

        Assert.Equal(
            ("district-legal", "LegalOfficer", "测试区人民政府", "区司法局 区市场监管局 区教育局 市自然资源局 测试区人民政府"),
            (district!.Name, district.Role, district.Agency, string.Join(' ', district.Agencies!)));
        Assert.Equal(("market-caseworker", "Caseworker", "区市场监管局"), (caseworker!.Name, caseworker.Role, string.Join(' ', caseworker.Agencies!)));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static long Count(LitigationNode node, string table)
    {
        using var connection = node.Db.Open();
        return (long)Storage.LitigationDb.Command(connection, null, $"SELECT count(*) FROM {table}").ExecuteScalar()!;
    }
}

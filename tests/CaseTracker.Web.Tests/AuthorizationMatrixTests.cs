using System.Net;
using System.Net.Http.Json;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>Every role × the main endpoints × a case of the education bureau (E) or of the health commission (H).</summary>
[Collection(HostCollection.Name)]
public class AuthorizationMatrixTests(HostFixture host)
{
    //                          read E, read H, receive E, receive H, record E, record H, dashboard E, report E, admin
    private static readonly Dictionary<string, int[]> Expected = new()
    {
        ["cw-edu"] = [200, 403, 201, 403, 200, 403, 200, 200, 403],
        ["cw-health"] = [403, 200, 403, 201, 403, 200, 403, 403, 403],
        ["sup-district"] = [200, 200, 201, 201, 200, 200, 200, 200, 403],
        ["sup-health"] = [403, 200, 403, 201, 403, 200, 403, 403, 403],
        ["legal-edu"] = [200, 403, 201, 403, 200, 403, 200, 200, 403],
        ["auditor-edu"] = [200, 403, 403, 403, 403, 403, 200, 200, 403],
        ["auditor-all"] = [200, 200, 403, 403, 403, 403, 200, 200, 403],
        ["admin"] = [200, 200, 201, 201, 200, 200, 200, 200, 200],
    };

    public static TheoryData<string> Users => new(Expected.Keys);

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Each_role_reaches_exactly_its_agencies_and_an_auditor_never_writes(string user)
    {
        using var admin = host.Api("admin");
        using var api = host.Api(user);
        var (edu, eduTag) = await admin.ReceiveAsync(Education);
        var (health, healthTag) = await admin.ReceiveAsync(HealthCommission);
        var today = ApiHelpers.Today.Iso();
        var actual = new[]
        {
            (await api.GetAsync($"/api/cases/{edu}")).StatusCode,
            (await api.GetAsync($"/api/cases/{health}")).StatusCode,
            (await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(Education))).StatusCode,
            (await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(HealthCommission))).StatusCode,
            (await api.RecordAsync(edu, "request-reasons", new { on = today }, eduTag)).StatusCode,
            (await api.RecordAsync(health, "request-reasons", new { on = today }, healthTag)).StatusCode,
            (await api.GetAsync($"/api/dashboard?agency={Uri.EscapeDataString(Education)}")).StatusCode,
            (await api.GetAsync($"/api/reports/{ApiHelpers.Today.Year}?agency={Uri.EscapeDataString(Education)}")).StatusCode,
            (await api.GetAsync("/admin")).StatusCode,
        }.Select(s => (int)s).ToArray();
        Assert.Equal(Expected[user], actual);

        var expectedEduVersion = Expected[user][4] == 200 ? 2 : 1;
        Assert.Equal(expectedEduVersion, (await admin.GetCaseAsync(edu)).GetProperty("version").GetInt64());
        var expectedHealthVersion = Expected[user][5] == 200 ? 2 : 1;
        Assert.Equal(expectedHealthVersion, (await admin.GetCaseAsync(health)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_refusal_names_the_agency_in_Chinese()
    {
        using var admin = host.Api("admin");
        using var api = host.Api("auditor-edu");
        var (edu, tag) = await admin.ReceiveAsync(Education);
        var problem = await (await api.RecordAsync(edu, "request-reasons", new { on = ApiHelpers.Today.Iso() }, tag)).ProblemAsync();
        Assert.Equal("access.forbidden", problem.Str("rule"));
        Assert.Contains(Education, problem.Str("detail"));
    }

    [Fact]
    public async Task Without_credentials_the_API_answers_401_and_pages_redirect_to_the_sign_in_form()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };
        var api = await anonymous.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(Education));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("auth.required", (await api.ProblemAsync()).Str("rule"));
        var page = await anonymous.GetAsync("/cases");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_wrong_password_over_Basic_is_a_401_problem()
    {
        using var api = host.Api("sup-health", "wrong-password");
        var response = await api.GetAsync("/api/dashboard");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("auth.failed", (await response.ProblemAsync()).Str("rule"));
    }
}

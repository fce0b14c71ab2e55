using System.Net;
using System.Net.Http.Json;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

[Collection(HostCollection.Name)]
public class DashboardTests(HostFixture host)
{
    [Fact]
    public async Task A_supervisor_filters_by_an_agency_with_everything_under_it()
    {
        using var admin = host.Api("admin");
        using var supervisor = host.Api("sup-district");
        var (school, _) = await admin.ReceiveAsync(School);
        var district = await ApiTests.WaitForDashboardAsync(supervisor, d => ApiTests.Ids(d, "supplementNoticesToSend").Contains(school));
        Assert.Contains(school, ApiTests.Ids(district, "supplementNoticesToSend"));
        var education = await supervisor.GetStringAsync($"/api/dashboard?agency={Uri.EscapeDataString(Education)}");
        Assert.Contains(school.ToString(), education);
        var health = await supervisor.GetStringAsync($"/api/dashboard?agency={Uri.EscapeDataString(HealthCommission)}");
        Assert.DoesNotContain(school.ToString(), health);
    }

    [Fact]
    public async Task A_caseworker_sees_only_the_own_agency_not_the_one_under_it()
    {
        using var admin = host.Api("admin");
        var (school, _) = await admin.ReceiveAsync(School);
        var (education, _) = await admin.ReceiveAsync(Education);
        using var caseworker = host.Api("cw-edu");
        var seen = await ApiTests.WaitForDashboardAsync(caseworker, d => ApiTests.Ids(d, "supplementNoticesToSend").Contains(education));
        Assert.Contains(education, ApiTests.Ids(seen, "supplementNoticesToSend"));
        Assert.DoesNotContain(school, ApiTests.Ids(seen, "supplementNoticesToSend"));
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync($"/api/dashboard?agency={Uri.EscapeDataString(School)}")).StatusCode);
    }

    [Fact]
    public async Task The_open_cases_export_as_CSV_and_XLSX_for_the_agency()
    {
        using var caseworker = host.Api("cw-edu");
        var (id, _) = await caseworker.ReceiveAsync(Education);
        var number = (await caseworker.GetCaseAsync(id)).Str("caseNumber")!;
        // The export reads the read model: wait until the projection has the new case.
        await ApiTests.WaitForDashboardAsync(caseworker, d => ApiTests.Ids(d, "supplementNoticesToSend").Contains(id));
        var csv = await caseworker.GetAsync("/dashboard/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains(number, await csv.Content.ReadAsStringAsync());
        var xlsx = await caseworker.GetAsync("/dashboard/export?format=xlsx");
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Contains(".xlsx", xlsx.Content.Headers.ContentDisposition!.ToString());
    }

    [Theory]
    [InlineData("auditor-edu")]
    [InlineData("admin")]
    public async Task The_export_carries_personal_data_and_is_refused_outside_the_agency_staff(string user)
    {
        using var api = host.Api(user);
        var response = await api.GetAsync($"/dashboard/export?format=csv&agency={Uri.EscapeDataString(Education)}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("个人信息", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_case_list_API_is_scoped_to_the_agencies_in_reach_and_carries_no_personal_data()
    {
        // The shared host holds many cases and the list is paged: each case is looked up by its own 编号 (q=).
        using var admin = host.Api("admin");
        var schoolNumber = ApiHelpers.NewNumber();
        var healthNumber = ApiHelpers.NewNumber();
        var school = await ReceiveAsync(admin, School, schoolNumber);
        var health = await ReceiveAsync(admin, HealthCommission, healthNumber);
        using var supervisor = host.Api("sup-district");
        string List(string number, string more = "") => $"/api/cases?q={Uri.EscapeDataString(number)}{more}";
        var found = "";
        for (var i = 0; i < 100 && !found.Contains(health.ToString(), StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
            found = await supervisor.GetStringAsync(List(healthNumber, "&status=open"));
        }

        Assert.Contains(health.ToString(), found);
        var schoolFound = await supervisor.GetStringAsync(List(schoolNumber, "&status=open"));
        Assert.Contains(school.ToString(), schoolFound);
        Assert.DoesNotContain("张三", found + schoolFound);
        var agency = "&agency=" + Uri.EscapeDataString(Education);
        Assert.Contains(school.ToString(), await supervisor.GetStringAsync(List(schoolNumber, agency)));
        Assert.DoesNotContain(health.ToString(), await supervisor.GetStringAsync(List(healthNumber, agency)));
        using var caseworker = host.Api("cw-edu");
        Assert.DoesNotContain(school.ToString(), await caseworker.GetStringAsync(List(schoolNumber)));
        Assert.Equal(HttpStatusCode.BadRequest, (await caseworker.GetAsync("/api/cases?status=pending")).StatusCode);
    }

    private static async Task<Guid> ReceiveAsync(HttpClient client, string agency, string number)
    {
        var response = await client.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(agency, number));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("caseId").GetGuid();
    }
}

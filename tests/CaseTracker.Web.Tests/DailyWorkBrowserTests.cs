using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CaseTracker.Pipeline;
using CaseTracker.Users;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>Issue 12 in real Chromium: a caseworker lands on "my cases", finds a case by the applicant's name and opens it; a supervisor reassigns it.</summary>
[Collection(HostCollection.Name)]
public sealed class DailyWorkBrowserTests(HostFixture host)
{
    private readonly BrowserFixture _browser = new();

    [Fact]
    public async Task A_caseworker_finds_a_case_by_name_from_my_cases_and_a_supervisor_reassigns_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var worker = "cw-daily-" + suffix;
        var colleague = "cw-daily2-" + suffix;
        var supervisor = "sup-daily-" + suffix;
        var users = host.Services.GetRequiredService<UserDirectory>();
        await users.CreateAsync(worker, Role.Caseworker, Education, Password, "test", default);
        await users.CreateAsync(colleague, Role.Caseworker, Education, Password, "test", default);
        await users.CreateAsync(supervisor, Role.Supervisor, District, Password, "test", default);
        var applicant = "司马" + string.Concat(suffix.Select(c => (char)('甲' + (c % 10))));
        var number = ApiHelpers.NewNumber("DAILY");
        var api = host.Api(worker);
        var intake = ApiHelpers.Intake(Education, number);
        intake["name"] = applicant;
        var created = await api.PostAsJsonAsync("/api/cases", intake);
        var caseId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("caseId").GetGuid();
        Assert.True((await api.PostAsJsonAsync($"/api/cases/{caseId}/assignee", new { assignee = worker })).IsSuccessStatusCode);

        await _browser.InitializeAsync();
        try
        {
            var context = await _browser.Browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), Locale = "zh-CN" });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(60_000);
            await page.GotoAsync("/login");
            await page.FillAsync("#name", worker);
            await page.FillAsync("#password", Password);
            await Task.WhenAll(page.WaitForURLAsync("**/cases/mine"), page.ClickAsync("button[type=submit]"));
            Assert.Equal("我的案件", await page.TextContentAsync("h1"));
            Assert.Contains(number, await page.TextContentAsync("table.cases"));

            await page.FillAsync("input[name=q]", applicant);
            await Task.WhenAll(page.WaitForURLAsync(new Regex("q=")), page.ClickAsync("#case-filters button[type=submit]"));
            Assert.Equal(1, await page.Locator("table.cases tbody tr").CountAsync());
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "my-cases-search.png"), FullPage = true });
            await Task.WhenAll(page.WaitForURLAsync($"**/cases/{caseId}"), page.ClickAsync($"text={number}"));
            Assert.Contains(applicant, await page.TextContentAsync(".case-header"));
            Assert.Equal(worker, (await page.TextContentAsync("#assignee p"))!.Trim());
            Assert.Equal(0, await page.Locator("#assignee select").CountAsync());
            await context.CloseAsync();

            var boss = await _browser.Browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), Locale = "zh-CN" });
            var bossPage = await boss.NewPageAsync();
            bossPage.SetDefaultTimeout(60_000);
            await bossPage.GotoAsync("/login");
            await bossPage.FillAsync("#name", supervisor);
            await bossPage.FillAsync("#password", Password);
            await Task.WhenAll(bossPage.WaitForURLAsync("**/dashboard"), bossPage.ClickAsync("button[type=submit]"));
            await bossPage.GotoAsync($"/cases/workload?agency={Uri.EscapeDataString(Education)}");
            Assert.Contains(worker, await bossPage.TextContentAsync("table"));
            await bossPage.GotoAsync($"/cases/{caseId}");
            await bossPage.SelectOptionAsync("#assignee select", colleague);
            await Task.WhenAll(bossPage.WaitForURLAsync(new Regex("done=assign")), bossPage.ClickAsync("#assignee button[type=submit]"));
            Assert.Equal(colleague, (await bossPage.TextContentAsync("#assignee p"))!.Trim());
            Assert.Contains($"承办人 {colleague}", await bossPage.TextContentAsync("#timeline"));
            Assert.Contains($"承办人 {worker}", await bossPage.TextContentAsync("#timeline"));
            await bossPage.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "reassigned.png"), FullPage = true });
            await boss.CloseAsync();
        }
        finally
        {
            await _browser.DisposeAsync();
        }
    }
}

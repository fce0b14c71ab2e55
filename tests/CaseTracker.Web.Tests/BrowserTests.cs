using System.Text.RegularExpressions;
using CaseTracker.Pipeline;
using CaseTracker.Users;
using CaseTracker.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>A caseworker's day in real Chromium: sign in, register, supplement, extend, decide, dashboard, year table, XLSX.</summary>
[Collection(HostCollection.Name)]
public sealed class BrowserTests(HostFixture host)
{
    private readonly BrowserFixture _browser = new();

    [Fact]
    public async Task A_caseworker_works_a_request_from_intake_to_decision_and_produces_the_year_table()
    {
        await _browser.InitializeAsync();
        var context = await _browser.Browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), AcceptDownloads = true, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var today = ApiHelpers.Today.Iso();
        var user = "cw-school-" + Guid.NewGuid().ToString("N")[..4];
        await host.Services.GetRequiredService<UserDirectory>().CreateAsync(user, Role.Caseworker, School, Password, "test", default);
        try
        {
            await page.GotoAsync("/login");
            await page.FillAsync("#name", user);
            await page.FillAsync("#password", Password);
            await Task.WhenAll(page.WaitForURLAsync("**/cases/mine"), page.ClickAsync("button[type=submit]"));

            var before = await CountsAsync(page);

            await page.GotoAsync("/cases");
            await page.ClickAsync("text=登记新申请");
            await page.SelectOptionAsync("#intake-agency", School);
            var number = ApiHelpers.NewNumber("SCH");
            await page.FillAsync("#intake-caseNumber", number);
            await page.FillAsync("#intake-on", today);
            await page.SelectOptionAsync("#intake-channel", "Post");
            Assert.Equal("以邮寄方式提交的，以行政机关签收之日为收到申请之日", await page.TextContentAsync("#channel-rule"));
            await page.SelectOptionAsync("#intake-channel", "Online");
            await page.SelectOptionAsync("#intake-applicantType", "NaturalPerson");
            await page.FillAsync("#intake-name", "赵六");
            await page.FillAsync("#intake-phone", "13900000000");
            await page.FillAsync("#intake-description", "学校食堂采购合同");
            await Task.WhenAll(page.WaitForURLAsync(new Regex("/cases/[0-9a-f-]{36}")), page.ClickAsync("form.intake button[type=submit]"));
            Assert.Contains("已登记：收到申请", await page.TextContentAsync(".notice"));
            Assert.Equal("办理中", await page.TextContentAsync("#deadline strong"));
            var caseUrl = page.Url.Split('?')[0];

            var registered = await CountsAsync(page);
            Assert.Equal(before["open"] + 1, registered["open"]);
            Assert.Equal(before["notices"] + 1, registered["notices"]);

            await page.GotoAsync(caseUrl);
            await RecordAsync(page, "request-supplement", ("items", "请写明合同的年份"), ("respondBy", ApiHelpers.Today.AddDays(15).Iso()));
            Assert.Equal("暂停计时", await page.TextContentAsync("#deadline strong"));
            var paused = await CountsAsync(page);
            Assert.Equal(before["notices"], paused["notices"]);
            Assert.Equal(before["paused"] + 1, paused["paused"]);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "dashboard.png"), FullPage = true });

            await page.GotoAsync(caseUrl);
            await RecordAsync(page, "record-supplement");
            Assert.Equal("办理中", await page.TextContentAsync("#deadline strong"));
            var deadlineBefore = await DeadlineAsync(page);

            await RecordAsync(page, "extend", ("approver", "钱主任"), ("reason", "需调取多年档案"), ("applicantToldOn", today));
            Assert.True(DateOnly.Parse(await DeadlineAsync(page)) > DateOnly.Parse(deadlineBefore), "the extension moves the deadline");
            Assert.Contains("延长答复期限", await page.TextContentAsync("#timeline"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "case-page.png"), FullPage = true });

            await page.ClickAsync("#form-answer summary");
            await page.SelectOptionAsync("#form-answer-outcome", "PartiallyDisclosed");
            await page.SelectOptionAsync("#form-answer-withheldGrounds", ["RefusedThirdPartyRights"]);
            await page.ClickAsync("#form-answer button[type=submit]");
            await page.WaitForSelectorAsync(".notice");
            Assert.Equal("已办结", await page.TextContentAsync("#deadline strong"));
            Assert.Contains("保护第三方合法权益", await page.TextContentAsync("#timeline"));

            var closed = await CountsAsync(page);
            Assert.Equal(before["open"], closed["open"]);
            Assert.Equal(before["paused"], closed["paused"]);

            await page.GotoAsync("/reports");
            await page.FillAsync("input[name=year]", ApiHelpers.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("select[name=agency]", School);
            await page.ClickAsync("#report-form button[type=submit]");
            await page.WaitForSelectorAsync("#report table");
            Assert.Contains("校验通过", await page.TextContentAsync("#checks"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "report.png"), FullPage = true });
            Assert.Contains("三、收到和处理政府信息公开申请情况", await page.TextContentAsync("#report"));
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#downloads >> text=XLSX"));
            var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
            await download.SaveAsAsync(file);
            var bytes = await File.ReadAllBytesAsync(file);
            File.Delete(file);
            Assert.EndsWith(".xlsx", download.SuggestedFilename);
            Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"failure-{DateTime.UtcNow:HHmmss}.png"), FullPage = true });
            throw;
        }
        finally
        {
            await context.CloseAsync();
            await _browser.DisposeAsync();
        }
    }

    private static async Task RecordAsync(IPage page, string kind, params (string Field, string Value)[] fields)
    {
        await page.ClickAsync($"#form-{kind} summary");
        foreach (var (field, value) in fields)
        {
            await page.FillAsync($"#form-{kind}-{field}", value);
        }

        await Task.WhenAll(page.WaitForURLAsync(new Regex($"done={kind}")), page.ClickAsync($"#form-{kind} button[type=submit]"));
    }

    private static async Task<string> DeadlineAsync(IPage page) =>
        Regex.Match(await page.TextContentAsync("#deadline") ?? "", "答复期限(\\d{4}-\\d{2}-\\d{2})").Groups[1].Value;

    private static async Task<Dictionary<string, int>> CountsAsync(IPage page)
    {
        await page.GotoAsync($"/dashboard?agency={Uri.EscapeDataString(School)}");
        var counts = new Dictionary<string, int>();
        foreach (var name in new[] { "open", "overdue", "today", "soon", "paused", "notices" })
        {
            counts[name] = int.Parse(await page.TextContentAsync($"[data-count={name}]") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}

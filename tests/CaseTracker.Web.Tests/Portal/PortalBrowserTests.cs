using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests.Portal;

/// <summary>The applicant on a phone-sized Chromium, the caseworker at a desk: apply, e-mail, 签收 / 转办 / Art 39, follow on /track.</summary>
[Collection(PortalCollection.Name)]
public sealed class PortalBrowserTests(PortalFixture host) : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();

    public Task InitializeAsync() => _browser.InitializeAsync();

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task An_applicant_applies_on_a_phone_receives_the_mail_and_sees_the_receipt_date_and_deadline_once_confirmed()
    {
        var tag = PortalHelpers.Tag();
        var (phone, code) = await ApplyOnPhoneAsync(tag, "phone-apply.png");
        var mail = Assert.Single(await host.Smtp.WaitForAsync(m => m.To.Contains($"zhang.{tag}@example.cn")));
        Assert.Contains(code, mail.Text, StringComparison.Ordinal);

        var desk = await StaffAsync("cw-edu");
        await desk.GotoAsync("/intake");
        await desk.ClickAsync($"a[href='/intake/{code.Replace("-", "", StringComparison.Ordinal)}']");
        Assert.Contains($"手机申请 {tag}", await desk.TextContentAsync("#request-description"), StringComparison.Ordinal);
        await desk.FillAsync("#confirm-caseNumber", ApiHelpers.NewNumber("WEB"));
        await Task.WhenAll(desk.WaitForURLAsync(new Regex("/cases/[0-9a-f-]{36}")), desk.ClickAsync("#confirm button[type=submit]"));
        var deadline = await desk.TextContentAsync("#deadline") ?? "";

        await TrackAsync(phone, code);
        Assert.Equal("办理中", await phone.TextContentAsync("#status-label"));
        Assert.Equal(PortalHelpers.Today.Iso(), await phone.TextContentAsync("#status-received"));
        var shown = await phone.TextContentAsync("#status-deadline") ?? "";
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}$", shown);
        Assert.Contains(shown, deadline, StringComparison.Ordinal);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "phone-track.png"), FullPage = true });
        var confirmed = await host.Smtp.WaitForAsync(m => m.To.Contains($"zhang.{tag}@example.cn") && m.Subject.Contains("已签收", StringComparison.Ordinal));
        Assert.Contains($"答复期限：{shown}", Assert.Single(confirmed).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forwarded_request_and_a_non_disclosure_answer_are_shown_to_the_applicant()
    {
        var forwardTag = PortalHelpers.Tag();
        var (phone, forwardCode) = await ApplyOnPhoneAsync(forwardTag, null);
        var desk = await StaffAsync("cw-edu");
        await desk.GotoAsync($"/intake/{forwardCode.Replace("-", "", StringComparison.Ordinal)}");
        await desk.ClickAsync("#forward summary");
        await desk.SelectOptionAsync("#forward-toAgency", HealthCommission);
        await desk.FillAsync("#forward-note", "属于卫生健康委职责");
        await Task.WhenAll(desk.WaitForURLAsync("**/intake?message=*"), desk.ClickAsync("#forward button[type=submit]"));
        await TrackAsync(phone, forwardCode);
        Assert.Equal(HealthCommission, await phone.TextContentAsync("#status-agency"));
        Assert.Equal("待确认", await phone.TextContentAsync("#status-label"));
        Assert.Contains($"转办至{HealthCommission}：属于卫生健康委职责", await phone.TextContentAsync("#status-steps"), StringComparison.Ordinal);
        await host.Smtp.WaitForAsync(m => m.To.Contains($"zhang.{forwardTag}@example.cn") && m.Subject.Contains("已转办", StringComparison.Ordinal));

        var answerTag = PortalHelpers.Tag();
        var (phone2, answerCode) = await ApplyOnPhoneAsync(answerTag, null);
        await desk.GotoAsync($"/intake/{answerCode.Replace("-", "", StringComparison.Ordinal)}");
        await desk.ClickAsync("#answer summary");
        await desk.SelectOptionAsync("#answer-kind", "举报");
        await desk.FillAsync("#answer-reply", "请通过区纪委监委举报平台提出。");
        await Task.WhenAll(desk.WaitForURLAsync("**/intake?message=*"), desk.ClickAsync("#answer button[type=submit]"));
        await TrackAsync(phone2, answerCode);
        Assert.Equal("不作为政府信息公开申请处理", await phone2.TextContentAsync("#status-label"));
        Assert.Contains("本件属于举报事项，不作为政府信息公开申请处理（条例第三十九条）。请通过区纪委监委举报平台提出。",
            await phone2.TextContentAsync("#status-steps"), StringComparison.Ordinal);
        Assert.Equal("—", await phone2.TextContentAsync("#status-received"));
    }

    private async Task<(IPage Page, string Code)> ApplyOnPhoneAsync(string tag, string? screenshot)
    {
        var context = await _browser.Browser.NewContextAsync(new()
        {
            BaseURL = host.Address.ToString(),
            Locale = "zh-CN",
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync("/apply");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the form fits the phone's width");
        await page.SelectOptionAsync("#apply-agency", Education);
        await page.FillAsync("#apply-name", "张三");
        await page.FillAsync("#apply-idNumber", "11010519491231002x");
        await page.FillAsync("#apply-phone", "13900004321");
        await page.FillAsync("#apply-email", $"zhang.{tag}@example.cn");
        await page.FillAsync("#apply-description", $"手机申请 {tag}：2025 年部门预算");
        await page.SelectOptionAsync("#apply-form", "电子");
        Assert.Contains("以双方确认之日为收到申请之日", await page.TextContentAsync("#what-next"), StringComparison.Ordinal);
        if (screenshot is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, screenshot), FullPage = true });
        }

        await page.ClickAsync("form.apply button[type=submit]");
        var code = (await page.TextContentAsync("#query-code"))!;
        Assert.Matches("^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$", code);
        return (page, code);
    }

    private static async Task TrackAsync(IPage page, string code)
    {
        await page.GotoAsync("/track");
        await page.FillAsync("#track-code", code.ToLowerInvariant());
        await page.FillAsync("#track-phone4", "4321");
        await page.ClickAsync("form.track button[type=submit]");
        await page.WaitForSelectorAsync("#status");
    }

    private async Task<IPage> StaffAsync(string user)
    {
        var context = await _browser.Browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync("/login");
        await page.FillAsync("#name", user);
        await page.FillAsync("#password", Password);
        await Task.WhenAll(page.WaitForURLAsync("**/cases/mine"), page.ClickAsync("button[type=submit]"));
        return page;
    }
}

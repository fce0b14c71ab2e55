using System.Text.RegularExpressions;
using CaseTracker.Letters;
using Microsoft.Playwright;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests.Letters;

/// <summary>In real Chromium: a caseworker issues a 补正告知书, records its delivery, downloads the DOCX and sees both in the timeline.</summary>
[Collection(HostCollection.Name)]
public sealed class LetterBrowserTests(HostFixture host)
{
    private readonly BrowserFixture _browser = new();

    [Fact]
    public async Task A_caseworker_issues_a_supplement_notice_records_its_delivery_and_downloads_it()
    {
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);
        await _browser.InitializeAsync();
        var context = await _browser.Browser.NewContextAsync(new() { BaseURL = host.Address.ToString(), AcceptDownloads = true, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var today = ApiHelpers.Today.Iso();
        try
        {
            await page.GotoAsync("/login");
            await page.FillAsync("#name", "cw-edu");
            await page.FillAsync("#password", Password);
            await Task.WhenAll(page.WaitForURLAsync("**/cases/mine"), page.ClickAsync("button[type=submit]"));

            await page.GotoAsync($"/cases/{id}");
            await page.ClickAsync("#form-request-supplement summary");
            await page.FillAsync("#form-request-supplement-items", "请写明所需预算的年度");
            await page.FillAsync("#form-request-supplement-respondBy", ApiHelpers.Today.AddDays(15).Iso());
            await Task.WhenAll(page.WaitForURLAsync(new Regex("done=request-supplement")), page.ClickAsync("#form-request-supplement button[type=submit]"));
            Assert.Contains("尚未签发", await page.TextContentAsync("#letters"));

            await Task.WhenAll(page.WaitForURLAsync(new Regex("/letters/supplement")), page.ClickAsync("#letter-link-supplement"));
            Assert.Contains("草稿", await page.TextContentAsync("#letter-state"));
            Assert.Contains("请写明所需预算的年度", await page.TextContentAsync("#letter"));
            await Task.WhenAll(page.WaitForURLAsync(new Regex("done=issued")), page.ClickAsync("#issue-letter"));
            var state = await page.TextContentAsync("#letter-state") ?? "";
            var number = Regex.Match(state, @"文号 (\S+号)").Groups[1].Value;
            Assert.StartsWith("测试区教育局公开〔", number);
            Assert.Equal(number, await page.TextContentAsync("#letter .number"));

            await page.SelectOptionAsync("#delivery-method", "Post");
            await page.FillAsync("#delivery-detail", "EA123456789CN");
            await page.FillAsync("#delivery-on", today);
            await Task.WhenAll(page.WaitForURLAsync(new Regex("done=delivered")), page.ClickAsync("#record-delivery"));
            Assert.Contains("邮寄送达", await page.TextContentAsync("#letter-delivery"));
            Assert.Contains("EA123456789CN", await page.TextContentAsync("#letter-delivery"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "letter.png"), FullPage = true });

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#letter-docx"));
            var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".docx");
            await download.SaveAsAsync(file);
            var text = LetterDocx.TextOf(await File.ReadAllBytesAsync(file));
            File.Delete(file);
            Assert.EndsWith(".docx", download.SuggestedFilename);
            Assert.Equal(["补正告知书", number, "张三："], text.Split('\n')[..3]);
            Assert.Contains("请写明所需预算的年度", text);

            await page.GotoAsync($"/cases/{id}");
            var timeline = await page.TextContentAsync("#timeline") ?? "";
            Assert.Contains("签发补正告知书", timeline);
            Assert.Contains($"文号 {number}", timeline);
            Assert.Contains("邮寄送达", timeline);
            Assert.Contains($"已签发 {number}", await page.TextContentAsync("#letters"));
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"letter-failure-{DateTime.UtcNow:HHmmss}.png"), FullPage = true });
            throw;
        }
        finally
        {
            await context.CloseAsync();
            await _browser.DisposeAsync();
        }
    }
}

using System.Net;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>Each milestone form posted empty: a 400 page in Chinese naming what is missing, the case unchanged.</summary>
[Collection(HostCollection.Name)]
public sealed class EveryFormTests(HostFixture host)
{
    public static TheoryData<string> Kinds => new(Cases.Forms.MilestoneForms.All.Select(f => f.Kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_empty_milestone_form_is_refused_with_a_Chinese_message_and_nothing_is_written(string kind)
    {
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var page = await browser.GetPageAsync($"/cases/{id}");
        var response = await browser.PostAsync($"/cases/{id}/milestones/{kind}", FormClient.Token(page), new() { ["version"] = "1", ["on"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("未登记：[^<]*必须填写", html);
        Assert.Equal(1, (await api.GetCaseAsync(id)).GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Signing_in_never_redirects_off_the_site(string returnUrl)
    {
        using var browser = host.Forms();
        var page = await browser.GetPageAsync("/login");
        var response = await browser.PostAsync("/login", FormClient.Token(page), new() { ["name"] = "cw-edu", ["password"] = Password, ["returnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/reports?year=abc", "年度")]
    [InlineData("/reports?year=2024&agency=%E4%B8%8D%E5%AD%98%E5%9C%A8", "未登记")]
    [InlineData("/dashboard?within=x", "临近期限的工作日数")]
    [InlineData("/cases/00000000-0000-0000-0000-000000000001", "案件不存在")]
    public async Task Bad_page_parameters_give_a_Chinese_page_not_a_500(string path, string message)
    {
        using var browser = host.Forms();
        await browser.SignInAsync("admin", host.AdminPassword);
        var response = await browser.Http.GetAsync(path);
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_caseworker_cannot_publish_a_report()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var page = await browser.GetPageAsync("/reports");
        var response = await browser.PostAsync("/reports/publish", FormClient.Token(page),
            new() { ["year"] = "2025", ["agency"] = Education, ["layout"] = "auto" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("只有监督人员和系统管理员可以发布", await response.Content.ReadAsStringAsync());
    }
}

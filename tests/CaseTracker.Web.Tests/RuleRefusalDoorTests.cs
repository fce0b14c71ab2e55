using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>
/// The clock and date rules of issue 9 refused through the web form and the API alike: a 422 in Chinese naming the rule
/// and the article, nothing written (the case keeps its version; no case for a refused intake).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class RuleRefusalDoorTests(HostFixture host)
{
    private static DateOnly T => ApiHelpers.Today;

    /// <summary>
    /// name → (days before today the case was received, milestones recorded first, the refused milestone and its body,
    /// the rule, a fragment of the message). 90 days back, 20 working days have run out whatever the holidays.
    /// </summary>
    private static readonly Dictionary<string, (int ReceivedDaysAgo, (string Kind, Dictionary<string, object> Body)[] Before, string Kind, Dictionary<string, object> Body, string Rule, string Says)> Cases = new()
    {
        ["future date"] = (3, [], "request-reasons", new() { ["on"] = T.AddDays(2).Iso() }, "date.in_future", "晚于今天"),
        ["lapse before the period"] = (3, [("request-supplement", new() { ["on"] = T.AddDays(-2).Iso(), ["items"] = "写明年份", ["respondBy"] = T.AddDays(10).Iso() })],
            "lapse-supplement", new() { ["on"] = T.Iso() }, "supplement.lapse_too_early", "条例第三十条"),
        ["extension after the deadline"] = (90, [], "extend", new() { ["on"] = T.Iso(), ["approver"] = "公开办主任", ["reason"] = "需调取档案", ["applicantToldOn"] = T.Iso() },
            "extension.after_deadline", "条例第三十三条第二款"),
        ["fee notice after the deadline"] = (90, [], "issue-fee-notice", new() { ["on"] = T.Iso(), ["amount"] = 10m, ["method"] = "PerItem", ["applicantReceivedOn"] = T.Iso() },
            "fee.after_deadline", "条例第四十二条"),
        ["Art 35 date without reasons"] = (3, [], "set-delayed-answer-date", new() { ["on"] = T.Iso(), ["answerBy"] = T.AddDays(30).Iso() },
            "delay.without_reasons", "条例第三十五条"),
        ["appeal before the deadline"] = (3, [], "file-reconsideration", new() { ["on"] = T.Iso(), ["body"] = "测试区人民政府" },
            "appeal.before_deadline", "条例第五十一条"),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Refused_through_the_API_with_the_rule_in_Chinese_and_nothing_written(string name)
    {
        var c = Cases[name];
        using var api = host.Api("cw-edu");
        var (id, etag, version) = await GivenAsync(api, c.ReceivedDaysAgo, c.Before);

        var response = await api.RecordAsync(id, c.Kind, c.Body, etag);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(c.Rule, problem.Str("rule"));
        Assert.Contains(c.Says, problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(version, (await api.GetCaseAsync(id)).GetProperty("version").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Refused_through_the_web_form_with_the_rule_in_Chinese_and_nothing_written(string name)
    {
        var c = Cases[name];
        using var api = host.Api("cw-edu");
        var (id, _, version) = await GivenAsync(api, c.ReceivedDaysAgo, c.Before);
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var page = await browser.GetPageAsync($"/cases/{id}");
        var fields = c.Body.ToDictionary(f => f.Key, f => Convert.ToString(f.Value, CultureInfo.InvariantCulture)!);
        fields["version"] = version.ToString(CultureInfo.InvariantCulture);

        var response = await browser.PostAsync($"/cases/{id}/milestones/{c.Kind}", FormClient.Token(page), fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("未登记：", html);
        Assert.Contains(c.Says, html);
        Assert.Equal(version, (await api.GetCaseAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_receipt_before_2008_05_01_is_refused_through_the_API_and_the_form_and_registers_nothing()
    {
        using var api = host.Api("cw-edu");
        var number = ApiHelpers.NewNumber("OLD");
        var viaApi = await api.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(Education, number, new DateOnly(2008, 4, 30)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, viaApi.StatusCode);
        var problem = await viaApi.ProblemAsync();
        Assert.Equal("receipt.before_regulation", problem.Str("rule"));
        Assert.Contains("国务院令第492号第三十八条", problem.Str("detail"), StringComparison.Ordinal);

        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var viaForm = await browser.SubmitAsync("/cases/new", "/cases", new()
        {
            ["caseNumber"] = number,
            ["agency"] = Education,
            ["on"] = "2008-04-30",
            ["channel"] = "Post",
            ["applicantType"] = "NaturalPerson",
            ["name"] = "王五",
            ["description"] = "城市规划图",
            ["requestedForm"] = "纸质",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, viaForm.StatusCode);
        Assert.Contains("早于《政府信息公开条例》施行之日2008-05-01", await viaForm.Content.ReadAsStringAsync());
        Assert.DoesNotContain($">{number}</a>", await browser.GetPageAsync("/cases?q=" + number));
    }

    private static async Task<(Guid Id, string ETag, long Version)> GivenAsync(HttpClient api, int receivedDaysAgo, (string Kind, Dictionary<string, object> Body)[] before)
    {
        var (id, etag) = await api.ReceiveAsync(Education, T.AddDays(-receivedDaysAgo));
        foreach (var (kind, body) in before)
        {
            var response = await api.RecordAsync(id, kind, body, etag);
            response.EnsureSuccessStatusCode();
            etag = response.Headers.ETag!.Tag;
        }

        return (id, etag, 1 + before.Length);
    }
}

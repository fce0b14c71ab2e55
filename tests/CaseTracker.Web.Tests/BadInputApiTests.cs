using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>Bad input on every endpoint: a clear Chinese problem naming the field, nothing written, never a 500.</summary>
[Collection(HostCollection.Name)]
public class BadInputApiTests(HostFixture host)
{
    public static TheoryData<string, string, string> BadIntakes => new()
    {
        { "{\"caseNumber\": ", "body", "不是有效的 JSON" },
        { "[1, 2, 3]", "body", "JSON 对象" },
        { Json(ApiHelpers.Intake(Education), ("on", 20240315)), "on", "不是有效日期" },
        { Json(ApiHelpers.Intake(Education), ("on", "2024-02-30")), "on", "不是有效日期" },
        { Json(ApiHelpers.Intake(Education), ("channel", "信鸽")), "channel", "不是可选的值" },
        { Json(ApiHelpers.Intake(Education), ("applicantType", 7)), "applicantType", "不是可选的值" },
        { Json(ApiHelpers.Intake(Education), ("caseNumber", null)), "caseNumber", "必须填写" },
        { Json(ApiHelpers.Intake(Education), ("name", new { first = "张" })), "name", "不能是嵌套的对象" },
        { Json(ApiHelpers.Intake(Education), ("description", new string('长', 5000))), "description", "最长" },
        { Json(ApiHelpers.Intake(Education), ("agency", "不存在的机关")), "agency", "未登记" },
        { "{\"caseNumber\": \"A-1\", \"caseNumber\": \"A-2\"}", "caseNumber", "出现了多次" },
        { "{\"on\": \"2024-03-15\", \"On\": \"2024-03-16\"}", "On", "出现了多次" },
        { "{\"caseNumber\": \"\\ud800\"}", "caseNumber", "无效的文本" },
        { Json(ApiHelpers.Intake(Education), ("description", "x\u0000y")), "description", "U+0000" },
        { Json(ApiHelpers.Intake(Education), ("name", "张\u0000三")), "name", "U+0000" },
        { Json(ApiHelpers.Intake(Education), ("caseNumber", "A-\u0001")), "caseNumber", "U+0001" },
    };

    [Theory]
    [MemberData(nameof(BadIntakes))]
    public async Task A_bad_intake_is_a_400_naming_the_field_and_no_case_is_written(string json, string field, string message)
    {
        using var api = host.Api("admin");
        var before = await CountAsync(api);
        var response = await api.SendAsync(ApiHelpers.Post("/api/cases", json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(field, problem.Str("field"));
        Assert.Contains(message, problem.Str("detail"));
        Assert.Equal(before, await CountAsync(api));
    }

    public static TheoryData<string, object, string> BadMilestones => new()
    {
        { "request-supplement", new { on = "明天", items = "x" }, "on" },
        { "request-supplement", new { on = "2026-01-01" }, "items" },
        { "extend", new { on = "2026-01-01", approver = "李四", reason = "复杂" }, "applicantToldOn" },
        { "issue-fee-notice", new { on = "2026-01-01", amount = "很多", method = "PerItem", applicantReceivedOn = "2026-01-02" }, "amount" },
        { "issue-fee-notice", new { on = "2026-01-01", amount = 10, method = "按斤", applicantReceivedOn = "2026-01-02" }, "method" },
        { "answer", new { on = "2026-01-01", outcome = "Maybe" }, "outcome" },
        { "answer", new { on = "2026-01-01", outcome = "PartiallyDisclosed", withheldGrounds = new[] { "Whim" } }, "withheldGrounds" },
        { "correct-date", new { milestone = "first", rightDate = "2026-01-01", reason = "笔误", on = "2026-01-01" }, "milestone" },
        { "file-lawsuit", new { on = "2026-01-01" }, "court" },
        { "request-supplement", new { on = "2026-01-01", items = "x\u0000y", respondBy = "2026-01-20" }, "items" },
        { "extend", new { on = "2026-01-01", approver = "李四", reason = "复杂\u0000", applicantToldOn = "2026-01-01" }, "reason" },
    };

    [Theory]
    [MemberData(nameof(BadMilestones))]
    public async Task A_bad_milestone_is_a_400_naming_the_field_and_the_case_is_unchanged(string kind, object body, string field)
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        var response = await api.RecordAsync(id, kind, body, etag);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(field, problem.Str("field"));
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("detail")));
        Assert.Equal(1, (await api.GetCaseAsync(id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_with_413()
    {
        using var api = host.Api("cw-edu");
        var huge = Json(ApiHelpers.Intake(Education), ("description", new string('x', 2_000_000)));
        // Expect: 100-continue: the server refuses on the Content-Length before asking for the body. Without it the client
        // could still be writing the 2 MB when the server answers 413 and closes, and see a broken pipe instead of the answer.
        var request = ApiHelpers.Post("/api/cases", huge);
        request.Headers.ExpectContinue = true;
        var response = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request.too_large", (await response.ProblemAsync()).Str("rule"));
    }

    [Fact]
    public async Task A_body_that_is_not_UTF8_is_a_400_naming_the_field()
    {
        using var api = host.Api("admin");
        var bytes = "{\"caseNumber\": \""u8.ToArray().Concat(new byte[] { 0xFF, 0xFE }).Concat("\"}"u8.ToArray()).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await api.PostAsync("/api/cases", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("caseNumber", problem.Str("field"));
        Assert.Contains("无效的文本", problem.Str("detail"));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_400()
    {
        using var api = host.Api("cw-edu");
        var response = await api.SendAsync(ApiHelpers.Post("/api/cases", "caseNumber=1", media: "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON", (await response.ProblemAsync()).Str("detail"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("W/\"x\"")]
    public async Task An_If_Match_that_is_not_a_version_is_a_400(string ifMatch)
    {
        using var api = host.Api("cw-edu");
        var (id, _) = await api.ReceiveAsync(Education);
        var response = await api.RecordAsync(id, "withdraw", new { on = ApiHelpers.Today.Iso() }, ifMatch);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("If-Match", (await response.ProblemAsync()).Str("field"));
    }

    [Theory]
    [InlineData("/api/dashboard?within=abc", "within")]
    [InlineData("/api/dashboard?within=0", "within")]
    [InlineData("/api/dashboard?agency=%E4%B8%8D%E5%AD%98%E5%9C%A8", "agency")]
    [InlineData("/api/reports/abc?agency=x", "year")]
    [InlineData("/api/reports/2024", "agency")]
    [InlineData("/api/reports/2024?agency=%E6%B5%8B%E8%AF%95%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80&format=pdf", "format")]
    [InlineData("/api/reports/2024?agency=%E6%B5%8B%E8%AF%95%E5%8C%BA%E6%95%99%E8%82%B2%E5%B1%80&layout=1999", "layout")]
    public async Task Bad_query_parameters_are_400_problems_naming_the_parameter(string path, string field)
    {
        using var api = host.Api("admin");
        var response = await api.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.ProblemAsync()).Str("field"));
    }

    private static async Task<int> CountAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/health")).GetProperty("events").GetInt32();

    private static string Json(Dictionary<string, object?> body, (string Key, object? Value) change)
    {
        body[change.Key] = change.Value;
        return JsonSerializer.Serialize(body);
    }
}

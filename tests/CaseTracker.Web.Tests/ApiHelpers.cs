using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CaseTracker.Web.Tests;

public static class ApiHelpers
{
    /// <summary>The agencies' today (Asia/Shanghai), as the host reads it: not the test machine's local date, which differs 16:00–24:00 UTC.</summary>
    public static DateOnly Today => CaseTracker.Testing.TestClock.Today;

    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string NewNumber(string prefix = "T") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    public static Dictionary<string, object?> Intake(string agency, string? number = null, DateOnly? on = null) => new()
    {
        ["caseNumber"] = number ?? NewNumber(),
        ["agency"] = agency,
        ["on"] = (on ?? Today).Iso(),
        ["channel"] = "Online",
        ["applicantType"] = "自然人",
        ["name"] = "张三",
        ["idNumber"] = "110101199001011234",
        ["phone"] = "13800000000",
        ["address"] = "测试路 1 号",
        ["description"] = "2024 年度部门预算",
        ["requestedForm"] = "电子邮件",
    };

    public static async Task<(Guid Id, string ETag)> ReceiveAsync(this HttpClient client, string agency, DateOnly? on = null)
    {
        var response = await client.PostAsJsonAsync("/api/cases", Intake(agency, on: on));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("caseId").GetGuid(), response.Headers.ETag!.Tag);
    }

    public static Task<HttpResponseMessage> RecordAsync(this HttpClient client, Guid id, string kind, object body, string? etag) =>
        client.SendAsync(Post($"/api/cases/{id}/milestones/{kind}", JsonSerializer.Serialize(body), etag));

    public static HttpRequestMessage Post(string path, string json, string? etag = null, string media = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, media) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return request;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetCaseAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/cases/{id}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string? Str(this JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static void AddIfMatch(this HttpRequestHeaders headers, string etag) => headers.TryAddWithoutValidation("If-Match", etag);
}

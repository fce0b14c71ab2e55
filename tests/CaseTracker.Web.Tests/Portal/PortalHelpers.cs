using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CaseTracker.Web.Tests.Portal;

public static class PortalHelpers
{
    /// <summary>A valid application (居民身份证 11010519491231002X: check character X worked by hand); phone ends in <paramref name="last4"/>.</summary>
    public static Dictionary<string, object?> Application(string tag, string agency = HostFixture.Education, string last4 = "4321") => new()
    {
        ["agency"] = agency,
        ["applicantType"] = "自然人",
        ["name"] = "张三",
        ["idType"] = "居民身份证",
        ["idNumber"] = "11010519491231002X",
        ["phone"] = "139" + Math.Abs(tag.GetHashCode(StringComparison.Ordinal) % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + last4,
        ["email"] = $"zhang.{tag}@example.cn",
        ["address"] = "测试路 1 号",
        ["description"] = $"2025 年部门预算 {tag}",
        ["form"] = "电子",
    };

    /// <summary>Today in China (the business day the host confirms on), whatever the machine's time zone.</summary>
    public static DateOnly Today => CaseTracker.Testing.TestClock.Today;

    public static string Tag() => Guid.NewGuid().ToString("N")[..10];

    public static async Task<string> SubmitAsync(this HttpClient client, Dictionary<string, object?> body)
    {
        var response = await client.PostAsJsonAsync("/api/public/requests", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queryCode").GetString()!;
    }

    public static async Task<JsonElement> LookupAsync(this HttpClient client, string code, string phone4)
    {
        var response = await client.GetAsync($"/api/public/requests/{code}?phone4={phone4}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static HttpClient Anonymous(this HostFixture host) => new() { BaseAddress = host.Address };
}

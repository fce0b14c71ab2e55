using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseTracker.EventStore.Documents;
using CaseTracker.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>Issue 16 findings 6 (twins), 10 (headers, keys at rest, intake leak, report scope).</summary>
[Collection(HostCollection.Name)]
public sealed class HardeningTests(HostFixture host)
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/site.css")]
    [InlineData("/api/cases")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    public async Task Every_answer_carries_CSP_with_frame_ancestors_nosniff_and_no_HSTS_over_plain_http(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };
        var response = await http.GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_intake_script_runs_under_the_CSP_by_its_per_request_nonce()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var first = await browser.Http.GetAsync("/cases/new");
        var second = await browser.Http.GetAsync("/cases/new");
        string Nonce(HttpResponseMessage r) =>
            System.Text.RegularExpressions.Regex.Match(r.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"<script nonce=\"{Nonce(first)}\">", await first.Content.ReadAsStringAsync());
        Assert.NotEqual(Nonce(first), Nonce(second));
        Assert.Matches("^[0-9a-f]{32}$", Nonce(first)); // nothing Razor would HTML-encode in the attribute
    }

    [Fact]
    public async Task A_forwarded_proto_from_an_untrusted_peer_is_ignored()
    {
        using var browser = host.Forms();
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var response = await browser.SignInAsync("cw-edu", Password);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Two_identical_POSTs_with_one_Idempotency_Key_create_one_case_and_get_the_same_answer()
    {
        using var api = host.Api("cw-edu");
        var body = ApiHelpers.Intake(Education);
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(api, body, key);
        var second = await PostAsync(api, body, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var (a, b) = (await first.Content.ReadFromJsonAsync<JsonElement>(), await second.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(a.GetProperty("caseId").GetGuid(), b.GetProperty("caseId").GetGuid());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await CountNumberedAsync(api, (string)body["caseNumber"]!));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_create_one_case()
    {
        using var api = host.Api("cw-edu");
        var body = ApiHelpers.Intake(Education);
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(api, body, key)));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var ids = new HashSet<Guid>();
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            ids.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid());
        }

        Assert.Single(ids);
        Assert.Equal(1, await CountNumberedAsync(api, (string)body["caseNumber"]!));
    }

    [Fact]
    public async Task A_key_reused_with_another_body_is_a_422_and_a_retry_without_a_key_is_a_409_not_a_twin()
    {
        using var api = host.Api("cw-edu");
        var body = ApiHelpers.Intake(Education);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(api, body, key)).StatusCode);
        var other = ApiHelpers.Intake(Education);
        var reused = await PostAsync(api, other, key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency.key_reused", (await reused.ProblemAsync()).Str("rule"));
        var twin = await PostAsync(api, body, null);
        Assert.Equal(HttpStatusCode.Conflict, twin.StatusCode);
        var problem = await twin.ProblemAsync();
        Assert.Equal("case.number_taken", problem.Str("rule"));
        Assert.Contains("不能重复登记", problem.Str("detail"));
        Assert.Equal(1, await CountNumberedAsync(api, (string)body["caseNumber"]!));
        // The list has caught up with the first case (above); the refused body's number must not be there at all.
        var refused = await api.GetFromJsonAsync<JsonElement>("/api/cases?q=" + Uri.EscapeDataString((string)other["caseNumber"]!));
        Assert.Equal(0, refused.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_intake_form_does_not_show_the_number_of_a_case_whose_id_was_posted_by_someone_else()
    {
        using var health = host.Api("cw-health");
        var secret = ApiHelpers.NewNumber("SECRET");
        var created = await health.PostAsJsonAsync("/api/cases", ApiHelpers.Intake(HealthCommission, secret));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var mine = ApiHelpers.NewNumber("MINE");
        var response = await browser.SubmitAsync("/cases/new", "/cases", new()
        {
            ["caseId"] = id,
            ["caseNumber"] = mine,
            ["agency"] = Education,
            ["on"] = ApiHelpers.Today.Iso(),
            ["channel"] = "Post",
            ["applicantType"] = "NaturalPerson",
            ["name"] = "王五",
            ["description"] = "城市规划图",
            ["requestedForm"] = "纸质",
        });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, page);
        Assert.DoesNotContain(id, page);
        Assert.Contains("此登记表已失效", page);
        Assert.Contains($"value=\"{mine}\"", page);
    }

    [Theory]
    [InlineData("cw-edu", HttpStatusCode.Forbidden)]
    [InlineData("sup-district", HttpStatusCode.OK)]
    [InlineData("legal-edu", HttpStatusCode.OK)]
    [InlineData("auditor-edu", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task Subordinate_counts_in_reports_only_for_roles_that_see_the_subordinates(string user, HttpStatusCode expected)
    {
        using var api = host.Api(user);
        var year = ApiHelpers.Today.Year;
        var agency = Uri.EscapeDataString(Education);
        var withSubordinates = await api.GetAsync($"/api/reports/{year}?agency={agency}&subordinates=true");
        Assert.Equal(expected, withSubordinates.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/reports/{year}?agency={agency}")).StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Contains("下属机关", (await withSubordinates.ProblemAsync()).Str("detail"));
        }
    }

    [Fact]
    public async Task Data_protection_keys_are_encrypted_in_the_store()
    {
        using var browser = host.Forms();
        await browser.SignInAsync("cw-edu", Password);
        var keys = await host.Services.GetRequiredService<DocumentStore>().ListAsync<string>(DocumentKeyRepository.Collection);
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("<encryptedSecret", k.Value);
            Assert.Contains("<aesGcm", k.Value);
            Assert.DoesNotContain("<value>", k.Value);
        });
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite,
                File.GetUnixFileMode(Path.Combine(Path.GetDirectoryName(host.InitialPasswordFile)!, KeyEncryption.FileName)));
        }
    }

    public static TheoryData<byte[]> HostileJson => new()
    {
        "{\"\\ud800\": \"x\"}"u8.ToArray(),
        "{\"items\": [\"a\", \"\\udc00\"]}"u8.ToArray(),
        "{\"on\": \"2026-01-01\", \"on\": \"2026-01-02\"}"u8.ToArray(),
        Bytes("{\"", [0xC3, 0x28], "\": 1}"),
        Bytes("{\"items\": [\"", [0xED, 0xA0, 0x80], "\"]}"),
    };

    private static byte[] Bytes(string before, byte[] raw, string after) =>
        [.. System.Text.Encoding.UTF8.GetBytes(before), .. raw, .. System.Text.Encoding.UTF8.GetBytes(after)];

    [Theory]
    [MemberData(nameof(HostileJson))]
    public async Task Duplicate_keys_lone_surrogates_and_bad_UTF8_in_a_milestone_body_are_a_400_and_the_case_is_unchanged(byte[] json)
    {
        using var api = host.Api("cw-edu");
        var (id, etag) = await api.ReceiveAsync(Education);
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/milestones/request-supplement") { Content = content };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await response.ProblemAsync()).Str("detail")));
        Assert.Equal(1, (await api.GetCaseAsync(id)).GetProperty("version").GetInt64());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient api, Dictionary<string, object?> body, string? key)
    {
        var request = ApiHelpers.Post("/api/cases", JsonSerializer.Serialize(body));
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return api.SendAsync(request);
    }

    private static async Task<int> CountNumberedAsync(HttpClient api, string number)
    {
        var rows = await Eventually.ReturnsAsync(
            () => api.GetFromJsonAsync<JsonElement>("/api/cases?q=" + Uri.EscapeDataString(number)),
            page => page.GetProperty("items").GetArrayLength() > 0, $"the case list to show {number}");
        return rows.GetProperty("items").EnumerateArray().Count(r => r.Str("caseNumber") == number);
    }
}

/// <summary>A host that believes X-Forwarded-* from 127.0.0.1 (CASETRACKER_TRUSTED_PROXIES), as behind a TLS proxy.</summary>
public sealed class ProxiedHostFixture : HostFixture
{
    protected override Task<IReadOnlyDictionary<string, string?>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?> { [Security.ForwardedHeadersSetup.TrustedProxiesKey] = "127.0.0.1" });
}

public sealed class ForwardedHeadersTests(ProxiedHostFixture host) : IClassFixture<ProxiedHostFixture>
{
    [Fact]
    public async Task Behind_the_configured_TLS_proxy_the_cookies_are_Secure_and_HSTS_is_sent()
    {
        // Cookies by hand: a cookie container would not send Secure cookies back over the plain-http hop.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.Address };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.23");
        var page = await http.GetAsync("/login");
        Assert.Equal("max-age=31536000; includeSubDomains", page.Headers.GetValues("Strict-Transport-Security").Single());
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("casetracker.af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = "cw-edu",
                ["password"] = Password,
                ["__RequestVerificationToken"] = FormClient.Token(await page.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var response = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("casetracker=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
    }
}

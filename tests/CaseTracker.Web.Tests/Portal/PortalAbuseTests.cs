using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace CaseTracker.Web.Tests.Portal;

/// <summary>The public doors under abuse, on a host of their own with small limits (<see cref="LowLimitsFixture"/>).</summary>
[Collection(LowLimitsCollection.Name)]
public sealed class PortalAbuseTests(LowLimitsFixture host)
{
    [Fact]
    public async Task Rate_limits_answer_429_per_address_per_contact_and_per_code()
    {
        using var client = host.Anonymous();
        var tag = PortalHelpers.Tag();

        // Per e-mail/phone: 2 a day, whatever the address.
        var first = await client.SubmitAsync(PortalHelpers.Application(tag));
        await client.SubmitAsync(PortalHelpers.Application(tag));
        var third = await client.PostAsJsonAsync("/api/public/requests", PortalHelpers.Application(tag));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("rate.limited", (await third.ProblemAsync()).GetProperty("rule").GetString());

        // Per code: 4 lookups an hour, right or wrong digits alike (no guessing the last four digits).
        var lookups = new List<HttpStatusCode>();
        foreach (var phone4 in new[] { "0000", "0001", "4321", "0002", "4321" })
        {
            lookups.Add((await client.GetAsync($"/api/public/requests/{first}?phone4={phone4}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], lookups);

        // Per address: 5 submissions an hour (3 used above), then 429 with Retry-After, the body never read.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/public/requests", PortalHelpers.Application(PortalHelpers.Tag()))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var limited = await client.PostAsJsonAsync("/api/public/requests", PortalHelpers.Application(PortalHelpers.Tag()));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Per address for lookups: 5 a minute (5 used above).
        var unknown = CaseTracker.Portal.QueryCode.New();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync($"/api/public/requests/{unknown}?phone4=1234")).StatusCode);
    }
}

/// <summary>The form's protections and the public pages' headers.</summary>
[Collection(PortalCollection.Name)]
public sealed class PublicPageProtectionTests(PortalFixture host)
{
    [Theory]
    [InlineData("/apply")]
    [InlineData("/track")]
    public async Task Public_pages_answer_without_sign_in_and_carry_the_security_headers(string path)
    {
        using var client = host.Anonymous();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // One CSP (the global security-headers middleware's); what matters: no framing, no plug-ins, no base rewrite,
        // forms post only here, and no script but our own files and inline scripts carrying this answer's nonce.
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.Equal(["'none'"], directives["base-uri"]);
        Assert.Equal(["'self'"], directives["form-action"]);
        Assert.Contains(directives["default-src"][0], new[] { "'none'", "'self'" });
        Assert.Single(directives["default-src"]);
        var scripts = directives.TryGetValue("script-src", out var s) ? s : directives["default-src"];
        Assert.All(scripts, source => Assert.True(source == "'self'" || source == "'none'" || source.StartsWith("'nonce-", StringComparison.Ordinal),
            $"script-src allows {source}"));
        var nonce = scripts.SingleOrDefault(source => source.StartsWith("'nonce-", StringComparison.Ordinal))?["'nonce-".Length..^1];
        var html = await response.Content.ReadAsStringAsync();
        foreach (Match script in Regex.Matches(html, "<script\\b[^>]*>", RegexOptions.IgnoreCase))
        {
            Assert.True(script.Value.Contains("src=", StringComparison.OrdinalIgnoreCase)
                || (nonce is not null && script.Value.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal)), $"inline script without the nonce: {script.Value}");
        }

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_needs_its_antiforgery_token_and_a_filled_honeypot_is_refused()
    {
        var tag = PortalHelpers.Tag();
        var fields = PortalHelpers.Application(tag).ToDictionary(f => f.Key, f => f.Value?.ToString() ?? "");
        using var forms = host.Forms();
        var noToken = await forms.PostAsync("/apply", null, new(fields));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var bot = await forms.SubmitAsync("/apply", "/apply", new(fields) { ["website"] = "http://spam.example" });
        Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
        Assert.Contains("无法受理本次提交", await bot.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var person = await forms.SubmitAsync("/apply", "/apply", new(fields));
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
        Assert.Contains("query-code", await person.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Single(await host.Smtp.WaitForAsync(m => m.To.Contains($"zhang.{tag}@example.cn")));
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_with_413()
    {
        using var client = host.Anonymous();
        var body = PortalHelpers.Application(PortalHelpers.Tag());
        body["description"] = new string('长', 30_000);
        var response = await client.PostAsJsonAsync("/api/public/requests", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}

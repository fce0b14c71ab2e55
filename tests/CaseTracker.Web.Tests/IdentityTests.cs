using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CaseTracker.Pipeline;
using CaseTracker.Users;
using Microsoft.Extensions.DependencyInjection;
using static CaseTracker.Web.Tests.HostFixture;

namespace CaseTracker.Web.Tests;

/// <summary>Issue 16 findings 2, 5 and 9: where sign-in leads, sessions that end on the server, throttling without an oracle.</summary>
[Collection(HostCollection.Name)]
public sealed class IdentityTests(HostFixture host)
{
    [Theory]
    [InlineData("/\t/evil.example/phish")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/cases\r\nSet-Cookie: a=b")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/ /evil.example")]
    [InlineData("/\u3000/evil.example")]
    public async Task Sign_in_never_leads_off_the_site_nor_answers_500_whatever_the_return_address(string returnUrl)
    {
        using var browser = host.Forms();
        var page = await browser.GetPageAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var response = await browser.PostAsync("/login", FormClient.Token(page),
            new() { ["name"] = "cw-edu", ["password"] = Password, ["returnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_in_still_returns_to_a_page_of_the_site()
    {
        using var browser = host.Forms();
        var page = await browser.GetPageAsync("/login");
        var response = await browser.PostAsync("/login", FormClient.Token(page),
            new() { ["name"] = "cw-edu", ["password"] = Password, ["returnUrl"] = "/cases?status=open&q=%E5%BC%A0" });
        Assert.Equal("/cases?status=open&q=%E5%BC%A0", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_page_with_a_line_break_in_the_return_address_answers_200()
    {
        using var browser = host.Forms();
        var response = await browser.Http.GetAsync("/login?returnUrl=%2F%0D%0A%2Fevil.example");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_copied_cookie_is_refused_at_once_after_sign_out()
    {
        var name = await NewUserAsync("so");
        using var browser = host.Forms();
        await browser.SignInAsync(name, Password);
        using var thief = Replay(browser);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/cases", "/logout", [])).StatusCode);
        var after = await thief.GetAsync("/cases");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/login", after.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.PostAsync("/api/cases", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task A_cookie_is_refused_at_once_after_an_administrator_resets_the_password()
    {
        var name = await NewUserAsync("rp");
        using var browser = host.Forms();
        await browser.SignInAsync(name, Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/cases")).StatusCode);
        using var admin = host.Forms();
        await admin.SignInAsync("admin", host.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect,
            (await admin.SubmitAsync("/admin", "/admin/users/password", new() { ["name"] = name, ["password"] = "another-password-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/cases")).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_cookie_and_their_Basic_credentials_at_once_and_they_cannot_sign_in()
    {
        var name = await NewUserAsync("dis");
        using var browser = host.Forms();
        await browser.SignInAsync(name, Password);
        using var api = host.Api(name);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/cases")).StatusCode);
        using var admin = host.Forms();
        await admin.SignInAsync("admin", host.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/admin", "/admin/users/disable", new() { ["name"] = name })).StatusCode);
        Assert.Contains("已停用", await admin.GetPageAsync("/admin"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/cases")).StatusCode);
        using var again = host.Forms();
        var refused = await again.SignInAsync(name, Password);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("用户名或密码错误", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Guesses_slow_down_that_name_from_that_address_with_the_same_answers_for_unknown_and_known_names()
    {
        var known = await NewUserAsync("guess");
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { known, unknown })
        {
            using var browser = host.Forms();
            for (var i = 0; i < SignInThrottle.FreeFailures; i++)
            {
                var wrong = await browser.SignInAsync(name, "wrong-password-" + i);
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
                Assert.Contains("用户名或密码错误", await wrong.Content.ReadAsStringAsync());
            }

            var sixth = await browser.SignInAsync(name, Password);
            Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), sixth.Headers.RetryAfter!.Delta);
            Assert.Contains("登录失败次数过多", await sixth.Content.ReadAsStringAsync());
        }

        // Backoff, not a lock: after the second, the right password gets in.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        using var late = host.Forms();
        Assert.Equal(HttpStatusCode.Redirect, (await late.SignInAsync(known, Password)).StatusCode);
    }

    [Fact]
    public async Task Guesses_from_one_address_do_not_keep_the_owner_out_from_another()
    {
        var users = host.Services.GetRequiredService<UserDirectory>();
        var name = await NewUserAsync("owner");
        for (var i = 0; i < 12; i++)
        {
            await users.SignInAsync(name, "guess-" + i, "203.0.113.9", default);
        }

        var attacker = await users.SignInAsync(name, Password, "203.0.113.9", default);
        // 5 free failures, then the 6th attempt waits 1 s; attempts while waiting are refused unhashed and do not count.
        Assert.InRange(Assert.IsType<SignInResult.Throttled>(attacker).RetryAfter.TotalSeconds, 0.5, 1.0);
        Assert.IsType<SignInResult.Success>(await users.SignInAsync(name, Password, "198.51.100.7", default));
    }

    [Fact]
    public void The_backoff_doubles_from_one_second_to_at_most_fifteen_minutes()
    {
        var time = new SteppedTime();
        var throttle = new SignInThrottle(time);
        var waits = new List<double>();
        for (var i = 0; i < 16; i++)
        {
            throttle.Failed("x", "203.0.113.9");
            waits.Add(throttle.Wait("x", "203.0.113.9").TotalSeconds);
            time.Now += throttle.Wait("x", "203.0.113.9");
        }

        Assert.Equal([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900], waits);
        Assert.Equal(TimeSpan.Zero, throttle.Wait("x", "198.51.100.7"));
        Assert.Equal(TimeSpan.Zero, throttle.Wait("y", "203.0.113.9"));
        throttle.Clear("X");
        Assert.Equal(TimeSpan.Zero, throttle.Wait("x", "203.0.113.9"));
    }

    private sealed class SteppedTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Basic_credentials_are_throttled_like_the_form_and_answer_429_with_retry_after()
    {
        var name = await NewUserAsync("basic");
        using var wrong = host.Api(name, "not-the-password");
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/cases")).StatusCode);
        }

        var throttled = await wrong.GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Equal("auth.throttled", (await throttled.ProblemAsync()).Str("rule"));
    }

    private async Task<string> NewUserAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await host.Services.GetRequiredService<UserDirectory>().CreateAsync(name, Role.Caseworker, Education, Password, "test", default);
        return name;
    }

    /// <summary>Another client sending the same cookies (a stolen or a second copy of the session).</summary>
    private HttpClient Replay(FormClient browser)
    {
        var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = host.Address };
        var cookies = browser.Cookies.GetCookieHeader(host.Address);
        client.DefaultRequestHeaders.Add("Cookie", cookies);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return client;
    }
}

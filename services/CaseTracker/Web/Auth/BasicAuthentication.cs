using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CaseTracker.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CaseTracker.Web.Auth;

/// <summary>
/// HTTP Basic for scripts calling the API: the same accounts, throttle and uniform answers as the sign-in form. A
/// verified credential is remembered (<see cref="BasicCredentialCache"/>) so that a script's next requests cost a keyed
/// hash and one document read instead of PBKDF2; a disabled account or a changed password (new stamp) is refused at once.
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserDirectory users, BasicCredentialCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    private const string ThrottledKey = "casetracker:basic-throttled";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || header.Scheme != SchemeName || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return AuthenticateResult.Fail("Basic 凭据格式错误");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return AuthenticateResult.Fail("Basic 凭据格式错误");
        }

        var (name, password) = (decoded[..colon], decoded[(colon + 1)..]);
        var ct = Context.RequestAborted;
        if (cache.Find(name, password) is { } stamp
            && await users.FindAsync(name, ct) is { Disabled: false } known && known.SecurityStamp == stamp)
        {
            return Success(known);
        }

        var source = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        switch (await users.SignInAsync(name, password, source, ct))
        {
            case SignInResult.Success { Account: var account }:
                cache.Remember(name, password, account.SecurityStamp!);
                return Success(account);
            case SignInResult.Throttled throttled:
                Context.Items[ThrottledKey] = throttled.RetryAfter;
                return AuthenticateResult.Fail("登录尝试过多");
            default:
                return AuthenticateResult.Fail("用户名或密码错误");
        }
    }

    private AuthenticateResult Success(UserAccount account) =>
        AuthenticateResult.Success(new AuthenticationTicket(WebUser.PrincipalOf(account, SchemeName), SchemeName));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"casetracker\", charset=\"UTF-8\"";
        if (Context.Items[ThrottledKey] is TimeSpan wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Problem(429, "登录尝试过多", $"来自此地址的登录失败次数过多，请 {seconds} 秒后再试。", "auth.throttled").ToResult().ExecuteAsync(Context);
        }

        return new Problem(401, "未登录", "用户名或密码错误。", "auth.failed").ToResult().ExecuteAsync(Context);
    }
}

/// <summary>
/// Verified Basic credentials of this process, for <see cref="Lifetime"/>: keyed by HMAC-SHA256 of name and password
/// under a random key that never leaves memory, with the security stamp they were verified against. Nothing in clear.
/// </summary>
public sealed class BasicCredentialCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const int MaxEntries = 10_000;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (string Stamp, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public string? Find(string name, string password) =>
        _entries.TryGetValue(Key(name, password), out var entry) && entry.Until > time.GetUtcNow() ? entry.Stamp : null;

    public void Remember(string name, string password, string stamp)
    {
        var now = time.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            foreach (var stale in _entries.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }

            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
        }

        _entries[Key(name, password)] = (stamp, now + Lifetime);
    }

    private string Key(string name, string password) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(name.Trim() + "\0" + password)));
}

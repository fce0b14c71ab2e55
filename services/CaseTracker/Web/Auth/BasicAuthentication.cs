using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using CaseTracker.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CaseTracker.Web.Auth;

/// <summary>HTTP Basic for scripts calling the API: the same accounts and the same lockout as the sign-in form.</summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserDirectory users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || header.Scheme != SchemeName || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("Basic 凭据格式错误");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return AuthenticateResult.Fail("Basic 凭据格式错误");
        }

        return await users.SignInAsync(decoded[..colon], decoded[(colon + 1)..], Context.RequestAborted) switch
        {
            SignInResult.Success s => AuthenticateResult.Success(new AuthenticationTicket(
                new WebUser(s.Account.Name, s.Account.Role, s.Account.Agency).ToPrincipal(SchemeName), SchemeName)),
            SignInResult.Locked => AuthenticateResult.Fail("账户已锁定"),
            _ => AuthenticateResult.Fail("用户名或密码错误"),
        };
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"casetracker\", charset=\"UTF-8\"";
        return new Problem(401, "未登录", "用户名或密码错误，或账户已锁定。", "auth.failed").ToResult().ExecuteAsync(Context);
    }
}

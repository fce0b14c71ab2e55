using CaseTracker.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CaseTracker.Web.Auth;

/// <summary>
/// Single sign-on for production, configured only when the setting CASETRACKER_OIDC_AUTHORITY is set (with _CLIENT_ID and
/// _CLIENT_SECRET). The identity provider's subject (or preferred_username) must map to an account created here,
/// which gives the role and the agency.
/// </summary>
public static class OpenIdConnectSetup
{
    public const string Scheme = "oidc";

    public const string AuthorityKey = "CASETRACKER_OIDC_AUTHORITY";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[AuthorityKey]);

    /// <summary>Whether the host was configured for single sign-on (to offer the link on the sign-in page).</summary>
    public static bool IsConfigured(IServiceProvider services) => IsConfigured(services.GetRequiredService<IConfiguration>());

    public static AuthenticationBuilder AddCaseTrackerOpenIdConnect(this AuthenticationBuilder auth, IConfiguration configuration)
    {
        if (!IsConfigured(configuration))
        {
            return auth;
        }

        return auth.AddOpenIdConnect(Scheme, "统一身份认证", o =>
        {
            o.Authority = configuration[AuthorityKey];
            o.ClientId = configuration["CASETRACKER_OIDC_CLIENT_ID"];
            o.ClientSecret = configuration["CASETRACKER_OIDC_CLIENT_SECRET"];
            o.ResponseType = "code";
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Scope.Add("profile");
            o.Events.OnTokenValidated = async context =>
            {
                var principal = context.Principal!;
                var users = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
                var account = await users.FindExternalAsync(principal.FindFirst("sub")?.Value, principal.FindFirst("preferred_username")?.Value,
                    context.HttpContext.RequestAborted);
                if (account is null)
                {
                    context.Fail("该统一身份认证账户未在本系统登记，请联系系统管理员。");
                    return;
                }

                context.Principal = WebUser.PrincipalOf(account, CookieAuthenticationDefaults.AuthenticationScheme);
            };
        });
    }
}

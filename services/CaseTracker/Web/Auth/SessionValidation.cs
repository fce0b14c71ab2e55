using System.Security.Claims;
using CaseTracker.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CaseTracker.Web.Auth;

/// <summary>
/// Server-side check of every cookie session, on every request: the account must still exist, not be disabled, and carry
/// the security stamp the cookie was issued with. Sign-out, a password change or reset, and disabling give the account a
/// new stamp, so every cookie issued before is refused from the next request on (on every node: the stamp is in the store).
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var name = principal?.Identity?.Name;
        var stamp = principal?.FindFirstValue(WebUser.StampClaim);
        var account = name is null || stamp is null
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<UserDirectory>().FindAsync(name, context.HttpContext.RequestAborted);
        if (principal is null || account is null || account.Disabled || account.SecurityStamp != stamp
            || account.Role.ToString() != principal.FindFirstValue(ClaimTypes.Role)
            || account.Agency != principal.FindFirstValue(WebUser.AgencyClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}

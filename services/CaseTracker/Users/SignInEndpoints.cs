using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CaseTracker.Users;

public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context, string? returnUrl) => Page(context, returnUrl, null, null)).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/login", async (HttpContext context, UserDirectory users, TimeProvider time) =>
        {
            var form = await WebForms.ReadFormAsync(context);
            var name = form.Optional("name", "用户名", 64) ?? "";
            var returnUrl = form.Optional("returnUrl", "返回地址", 2000);
            var result = await users.SignInAsync(name, form.Raw.GetValueOrDefault("password") ?? "", context.RequestAborted);
            switch (result)
            {
                case SignInResult.Success s:
                    var principal = new WebUser(s.Account.Name, s.Account.Role, s.Account.Agency)
                        .ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme);
                    await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
                    return Results.Redirect(returnUrl is not null && IsLocal(returnUrl) ? returnUrl : "/");
                case SignInResult.Locked locked:
                    var minutes = Math.Max(1, (int)Math.Ceiling((locked.Until - time.GetUtcNow()).TotalMinutes));
                    return Page(context, returnUrl, name,
                        $"连续 {UserDirectory.MaxFailedAttempts} 次登录失败，账户已锁定，请 {minutes} 分钟后再试。",
                        StatusCodes.Status423Locked);
                default:
                    return Page(context, returnUrl, name, "用户名或密码错误。", StatusCodes.Status401Unauthorized);
            }
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await WebForms.ReadFormAsync(context);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).ExcludeFromDescription();
        if (OpenIdConnectSetup.IsConfigured(app.ServiceProvider))
        {
            app.MapGet("/login/oidc", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectSetup.Scheme]))
                .AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Page(HttpContext context, string? returnUrl, string? name, string? error, int status = 200) =>
        PageResult.Of<LoginPage>(
            new { ReturnUrl = returnUrl, Name = name, Error = error, SingleSignOn = OpenIdConnectSetup.IsConfigured(context.RequestServices) }, status);
}

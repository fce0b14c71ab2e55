using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;
using CaseTracker.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CaseTracker.Users;

public static class SignInEndpoints
{
    public const string ChangePasswordPath = "/account/password";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context, string? returnUrl) => Page(context, returnUrl, null, null)).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/login", async (HttpContext context, UserDirectory users) =>
        {
            var form = await WebForms.ReadFormAsync(context);
            var name = form.Raw.GetValueOrDefault("name")?.Trim() ?? "";
            var returnUrl = LocalRedirect.OrRoot(form.Raw.GetValueOrDefault("returnUrl"));
            var source = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var result = await users.SignInAsync(name, form.Raw.GetValueOrDefault("password") ?? "", source, context.RequestAborted);
            switch (result)
            {
                case SignInResult.Success s:
                    await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                        WebUser.PrincipalOf(s.Account, CookieAuthenticationDefaults.AuthenticationScheme));
                    return Results.Redirect(s.Account.MustChangePassword ? ChangePasswordPath : returnUrl);
                case SignInResult.Throttled throttled:
                    var seconds = Math.Max(1, (int)Math.Ceiling(throttled.RetryAfter.TotalSeconds));
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Page(context, returnUrl, name, $"登录失败次数过多，请 {seconds} 秒后再试。", StatusCodes.Status429TooManyRequests);
                default:
                    return Page(context, returnUrl, name, "用户名或密码错误。", StatusCodes.Status401Unauthorized);
            }
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/logout", async (HttpContext context, UserDirectory users) =>
        {
            await WebForms.ReadFormAsync(context);
            // A new stamp: this cookie (and any copy of it) is refused from now on, not only deleted from this browser.
            if (WebUser.Of(context.User) is { } user && context.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
            {
                await users.RevokeSessionsAsync(user.Name, context.RequestAborted);
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).ExcludeFromDescription();
        app.MapGet(ChangePasswordPath, (HttpContext context) => PasswordPage(context, null, null)).RequireAuthorization().ExcludeFromDescription();
        app.MapPost(ChangePasswordPath, async (HttpContext context, UserDirectory users) =>
        {
            var form = await WebForms.ReadFormAsync(context);
            var user = WebUser.Of(context.User)!;
            var password = form.Raw.GetValueOrDefault("password") ?? "";
            if (password != (form.Raw.GetValueOrDefault("confirm") ?? ""))
            {
                return PasswordPage(context, null, "确认新密码：两次输入的新密码不一致。", StatusCodes.Status400BadRequest);
            }

            try
            {
                var account = await users.ChangePasswordAsync(user.Name, form.Raw.GetValueOrDefault("current") ?? "", password, context.RequestAborted);
                if (context.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
                {
                    await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                        WebUser.PrincipalOf(account, CookieAuthenticationDefaults.AuthenticationScheme));
                }

                return Results.Redirect("/");
            }
            catch (CaseTracker.Pipeline.UserError e)
            {
                return PasswordPage(context, null, e.Message, StatusCodes.Status400BadRequest);
            }
        }).RequireAuthorization().ExcludeFromDescription();
        if (OpenIdConnectSetup.IsConfigured(app.ServiceProvider))
        {
            app.MapGet("/login/oidc", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectSetup.Scheme]))
                .AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    private static IResult Page(HttpContext context, string? returnUrl, string? name, string? error, int status = 200) =>
        PageResult.Of<LoginPage>(
            new { ReturnUrl = returnUrl, Name = name, Error = error, SingleSignOn = OpenIdConnectSetup.IsConfigured(context.RequestServices) }, status);

    private static IResult PasswordPage(HttpContext context, string? message, string? error, int status = 200) =>
        PageResult.Of<ChangePasswordPage>(new { Forced = context.User.HasClaim(c => c.Type == WebUser.MustChangePasswordClaim), Message = message, Error = error }, status);
}

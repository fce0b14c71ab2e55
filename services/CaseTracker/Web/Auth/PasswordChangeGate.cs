using CaseTracker.Users;

namespace CaseTracker.Web.Auth;

/// <summary>
/// While the signed-in account must change its password (the administrator created at first start), every page leads to
/// <see cref="SignInEndpoints.ChangePasswordPath"/> and every API call is refused with 403; only that page, sign-out and
/// the style sheet answer.
/// </summary>
public static class PasswordChangeGate
{
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (!context.User.HasClaim(c => c.Type == WebUser.MustChangePasswordClaim)
            || path.Equals(SignInEndpoints.ChangePasswordPath, StringComparison.OrdinalIgnoreCase)
            || path.Equals("/logout", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/site.css", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        if (ErrorHandling.IsApi(context))
        {
            await new Problem(403, "须先修改密码", "首次登录须先在网页上修改密码（/account/password），之后才能调用接口。", "auth.password_change_required")
                .ToResult().ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(SignInEndpoints.ChangePasswordPath);
    });
}

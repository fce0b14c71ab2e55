using CaseTracker.Contracts;
using CaseTracker.Web.Auth;
using CaseTracker.Web.OpenApi;

namespace CaseTracker.Users;

/// <summary>
/// GET /api/me: who the presented sign-in (cookie or HTTP Basic) belongs to, their role and the agencies in their reach.
/// The same account, password check and lockout as every other route; LitigationTracker authenticates its users here.
/// </summary>
public static class StaffIdentityApi
{
    public static IEndpointRouteBuilder MapStaffIdentity(this IEndpointRouteBuilder app)
    {
        app.MapGet(StaffIdentityV1.Path, (HttpContext context) =>
            {
                var user = WebUser.Of(context.User)!;
                var agencies = context.Access().Agencies?.Order(StringComparer.Ordinal).ToList();
                return TypedResults.Ok(new StaffIdentityV1(user.Name, user.Role.ToString(), user.Agency, agencies));
            })
            .RequireAuthorization().WithTags("users").WithName("me").WithSummary("当前用户")
            .WithDescription("当前登录用户的用户名、角色、所属机关及可见机关（null 表示全部机关）。")
            .Produces<StaffIdentityV1>().ProducesProblems(401);
        return app;
    }
}

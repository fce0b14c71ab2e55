using CaseTracker.Agencies;
using CaseTracker.Pipeline;

namespace CaseTracker.Web.Auth;

/// <summary>Sets <see cref="RequestContext"/> from the signed-in user so the mediator behaviors enforce agency scoping.</summary>
public static class AccessResolver
{
    /// <summary>No rights at all: what an anonymous request carries into the pipeline.</summary>
    public static readonly Access Nobody = new(Role.Auditor, new HashSet<string>());

    public static async Task<Access> ForAsync(WebUser user, AgencyDirectory agencies, CancellationToken ct) => user switch
    {
        { Role: Role.Administrator } => new Access(Role.Administrator, null),
        { Role: Role.Caseworker, Agency: { } agency } => new Access(Role.Caseworker, new HashSet<string> { agency }),
        { Agency: { } agency } => new Access(user.Role, await agencies.WithEverythingUnderAsync(agency, ct)),
        // An auditor of every agency: an explicit set, so that the pipeline still checks (and refuses) each change.
        { Role: Role.Auditor } => new Access(Role.Auditor, (await agencies.ListAsync(ct)).Select(a => a.Name).ToHashSet()),
        _ => Nobody,
    };

    public static IApplicationBuilder UseRequestAccess(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.RequestServices.GetRequiredService<RequestContext>();
        request.Access = Nobody;
        request.Actor = "anonymous";
        if (WebUser.Of(context.User) is { } user)
        {
            request.Actor = user.Name;
            request.Access = await ForAsync(user, context.RequestServices.GetRequiredService<AgencyDirectory>(), context.RequestAborted);
            context.Items[typeof(Access)] = request.Access;
        }

        await next(context);
    });

    public static Access Access(this HttpContext context) => context.Items[typeof(Access)] as Access ?? Nobody;
}

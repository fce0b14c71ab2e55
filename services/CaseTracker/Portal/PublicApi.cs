using System.ComponentModel;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.Web;
using CaseTracker.Web.OpenApi;

namespace CaseTracker.Portal;

/// <param name="QueryCode">查询码: 20 characters (shown in groups of five); with the phone's last four digits it shows the request.</param>
public sealed record QueryCodeAnswer([property: Description("查询码")] string QueryCode);

/// <summary>
/// The public API for other platforms (the provincial portal, a mobile app): no sign-in, rate-limited, 64 KB bodies.
/// <c>POST /api/public/requests</c> → 201 {"queryCode"}; <c>GET /api/public/requests/{queryCode}?phone4=NNNN</c> → the
/// status, one 404 for an unknown code and for wrong digits alike.
/// </summary>
public static class PublicApi
{
    public static Problem NotFound { get; } = new(404, "未找到", "查询码或联系电话后四位不正确。", "not_found");

    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public/requests").AllowAnonymous().AddEndpointFilter(PublicDoor.Guard).WithTags("public");
        api.MapPost("/", SubmitAsync)
            .RequireRateLimiting(PortalLimits.SubmitPolicy)
            .WithName("submitPublicRequest")
            .WithSummary("网上提交政府信息公开申请（条例第二十九条）")
            .AcceptsJson(typeof(PortalApplication))
            .Produces<QueryCodeAnswer>(201)
            .ProducesProblems(400, 413, 429);
        api.MapGet("/{queryCode}", LookupAsync)
            .RequireRateLimiting(PortalLimits.LookupPolicy)
            .WithName("getPublicRequest")
            .WithSummary("凭查询码和联系电话后四位查询办理状态")
            .Produces<PublicStatus>(200)
            .ProducesProblems(404, 429);
        api.MapGet("/{queryCode}/letters/{letterId}", LetterAsync)
            .RequireRateLimiting(PortalLimits.LookupPolicy)
            .WithName("getPublicRequestLetter")
            .WithSummary("下载电子送达的文书（DOCX），凭查询码和联系电话后四位")
            .Produces(200)
            .ProducesFiles("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .ProducesProblems(404, 429);
        return app;
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, PortalIntake intake, PortalLimits limits)
    {
        var application = PortalApplication.Read(await Web.Forms.WebForms.ReadJsonAsync(context.Request), context.RequestServices.GetRequiredService<TimeProvider>().Today());
        if (!limits.TakeContact(application))
        {
            return PortalLimits.TooMany.ToResult();
        }

        var request = await intake.SubmitAsync(application, context.RequestAborted);
        return TypedResults.Created($"/api/public/requests/{request.QueryCode}", new QueryCodeAnswer(request.QueryCode));
    }

    private static async Task<IResult> LetterAsync(
        HttpContext context, string queryCode, string letterId, [Description("联系电话后四位")] string? phone4, PortalIntake intake, PortalLimits limits,
        IEventStore store, Letters.LetterDesk desk)
    {
        if (!limits.TakeLookup(queryCode))
        {
            return PortalLimits.TooMany.ToResult();
        }

        return await intake.FindAsync(queryCode, phone4, context.RequestAborted) is { Value.Status: PortalStatus.Confirmed } found
            ? await PortalLetterDownload.DocxAsync(found.Value, letterId, store, desk, context.RequestAborted)
            : NotFound.ToResult();
    }

    private static async Task<IResult> LookupAsync(
        HttpContext context, string queryCode, [Description("联系电话后四位")] string? phone4, PortalIntake intake, PortalLimits limits,
        IEventStore store, CasePolicy policy, TimeProvider time)
    {
        if (!limits.TakeLookup(queryCode))
        {
            return PortalLimits.TooMany.ToResult();
        }

        if (await intake.FindAsync(queryCode, phone4, context.RequestAborted) is not { } found)
        {
            return NotFound.ToResult();
        }

        return TypedResults.Ok(await PublicStatus.OfAsync(found.Value, store, policy, time.Today(), context.RequestAborted));
    }
}

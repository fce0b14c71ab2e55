using System.ComponentModel;
using CaseTracker.Pipeline;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.OpenApi;

namespace CaseTracker.Agencies;

/// <summary>GET /api/agencies/{agency}/next-number: the 编号 intake proposes for an agency this year (issue 9 item 4).</summary>
public static class NextNumberApi
{
    public static IEndpointRouteBuilder MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/agencies/{agency}/next-number", Get).RequireAuthorization().WithTags("agencies").WithName("getNextCaseNumber")
            .WithSummary("下一个编号")
            .WithDescription("按机关的编号规则（如 {年}-{机关代码}-{序号:4}）给出本年度下一个编号："
                + "本机关本年度已登记的最大序号加一。agency 为机关代码或机关名称。"
                + "只是建议，登记时可改；已被使用的编号登记时仍会被拒绝。机关未设置编号规则时 number 为空。")
            .Produces<NumberProposal>().ProducesProblems(401, 403, 404);
        return app;
    }

    private static async Task<IResult> Get(
        HttpContext context, [Description("机关代码或机关名称")] string agency, AgencyDirectory agencies, NextCaseNumber numbers, TimeProvider time)
    {
        var found = await agencies.FindAsync(agency, context.RequestAborted)
            ?? throw new NotFoundException($"机关“{agency}”未登记（按机关代码或机关名称查找）。");
        if (!context.Access().CanRecord(found.Name))
        {
            throw new ForbiddenException($"您不能为“{found.Name}”登记申请，无需编号。");
        }

        return TypedResults.Ok(await numbers.ProposeAsync(found, time.Today().Year, context.RequestAborted));
    }
}

using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CaseTracker.Cases;
using CaseTracker.Pipeline;
using CaseTracker.Web.Auth;
using CaseTracker.Web.OpenApi;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CaseTracker.Deadlines;

/// <summary>期限监督 as JSON: GET /api/dashboard.</summary>
public static class DashboardApi
{
    /// <summary>
    /// Each view's JSON, written once: the view is kept between requests until the case list moves (<c>ReadModelCache</c>),
    /// and serializing its 2,500 rows afresh for each request was most of what an answer still cost (issue 14).
    /// </summary>
    private static readonly ConditionalWeakTable<DashboardView, byte[]> Serialized = new();

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dashboard", Get).RequireAuthorization().WithTags("dashboard").WithName("getDashboard")
            .WithSummary("期限监督")
            .WithDescription("超期、今日到期、临近到期、暂停计时、待发补正告知（各列表最紧迫的在前，counts 为总数）。")
            .Produces<DashboardView>().ProducesProblems(400, 401, 403);
        return app;
    }

    private static async Task<IResult> Get(HttpContext context, DashboardQuery query, TimeProvider time, IOptions<JsonOptions> json,
        [Description("机关名称（含下属机关）；留空为全部可见机关")] string? agency,
        [Description("临近期限：多少个工作日内到期（1–60，默认 5）")] string? within)
    {
        var view = await query.RunAsync(context.Access(), agency, DashboardPages.Within(within), time.Today(), context.RequestAborted);
        return TypedResults.Bytes(Serialized.GetValue(view, v => JsonSerializer.SerializeToUtf8Bytes(v, json.Value.SerializerOptions)),
            "application/json; charset=utf-8");
    }
}

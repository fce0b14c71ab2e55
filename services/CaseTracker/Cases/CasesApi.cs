using System.ComponentModel;
using CaseTracker.Agencies;
using CaseTracker.Cases.Forms;
using CaseTracker.Deadlines;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels.CaseList;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Forms;
using CaseTracker.Web.OpenApi;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CaseTracker.Cases;

/// <summary>
/// The case API: the same commands as the forms (the JSON properties are the form fields), the stream version as ETag,
/// If-Match required on every change to an existing case, problem+json in Chinese for every refusal.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").RequireAuthorization().WithTags(Tag);
        api.MapPost("/", Receive).WithName("receiveCase").WithSummary("登记收到申请")
            .WithDescription("新案件（字段即收到申请表单的字段）。返回案件及其 ETag（流版本）。")
            .AcceptsJson(typeof(IntakeBody)).Produces<CaseDto>(201).WithETag().ProducesProblems(400, 401, 403, 413, 422);
        api.MapGet("/", List).WithName("listCases").WithSummary("案件列表")
            .WithDescription("读模型；status: open closed all；agency 含下属；q 按编号；最多 1000 件，不含个人信息。")
            .Produces<IReadOnlyList<CaseSummary>>().ProducesProblems(400, 401, 403);
        api.MapGet("/{id:guid}", Get).WithName("getCase").WithSummary("案件")
            .WithDescription("ETag = 流版本；申请人个人信息只对本机关的承办人、负责人显示。")
            .Produces<CaseDto>().WithETag().ProducesProblems(401, 403, 404);
        foreach (var form in MilestoneForms.All)
        {
            api.MapPost($"/{{id:guid}}/milestones/{form.Kind}", (HttpContext context, Guid id, IMediator mediator, IEventStore store,
                    CasePolicy policy, TimeProvider time,
                    [FromHeader(Name = "If-Match"), Description("案件的 ETag（GET 返回的版本，如 \"3\"）；缺少时 428，已过时 412")]
                    string? ifMatch) =>
                    Record(context, id, form, ifMatch, mediator, store, policy, time))
                .WithTags(MilestoneTag).WithName(OperationId(form.Kind)).WithSummary(form.Label)
                .WithDescription($"登记办理环节 {form.Kind}：须带 If-Match；返回更新后的案件及新的 ETag。")
                .AcceptsJson(form.Body).Produces<CaseDto>().WithETag().ProducesProblems(400, 401, 403, 404, 412, 413, 422, 428);
        }

        // Any other kind: a 404 that lists the kinds (the documented routes above are the same URLs, one per kind).
        api.MapPost("/{id:guid}/milestones/{kind}", IResult (string kind) =>
            throw new NotFoundException($"没有“{kind}”这种办理环节；可用：{string.Join("、", MilestoneForms.All.Select(f => f.Kind))}。"))
                .ExcludeFromDescription();
        return app;
    }

    public const string Tag = "cases";

    public const string MilestoneTag = "milestones";

    /// <summary>The operation id of a milestone kind: request-supplement → requestSupplement.</summary>
    public static string OperationId(string kind) =>
        string.Concat(kind.Split('-').Select((word, i) => i == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..]));

    private static async Task<IResult> Receive(
        HttpContext context, IMediator mediator, IEventStore store, CasePolicy policy, TimeProvider time, AgencyDirectory agencies)
    {
        var body = await RequestBodies.ReadJsonAsync<IntakeBody>(context.Request);
        var caseId = Guid.NewGuid();
        var change = await mediator.Send(
            new RecordMilestone(caseId, await body.ToCommandAsync(caseId, agencies, context.RequestAborted)), context.RequestAborted);
        var dto = await LoadAsync(context, store, caseId, policy, time);
        context.Response.Headers.ETag = ETag(change.Version);
        return TypedResults.Created($"/api/cases/{caseId}", dto);
    }

    private static async Task<IResult> List(HttpContext context, CaseListQueries caseList, DashboardQuery scopes,
        [Description("open（未办结）、closed（已办结）或 all（默认）")] string? status,
        [Description("机关名称（含下属机关）；留空为全部可见机关")] string? agency,
        [Description("按申请编号查找（包含，不区分大小写）")] string? q)
    {
        var scope = await scopes.ScopeAsync(context.Access(), agency, context.RequestAborted);
        Func<Domain.Clock.CaseStatus, bool> wanted = status switch
        {
            null or "" or "all" => _ => true,
            "open" => s => s != Domain.Clock.CaseStatus.Closed,
            "closed" => s => s == Domain.Clock.CaseStatus.Closed,
            _ => throw new UserError("status", $"status：“{status}”不支持，应为 open、closed 或 all。"),
        };
        var rows = (await caseList.AllAsync(context.RequestAborted))
            .Where(r => scope(r.Agency) && wanted(r.Status)
                && (string.IsNullOrWhiteSpace(q) || r.CaseNumber.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(r => r.ReceivedOn).ThenBy(r => r.CaseNumber, StringComparer.Ordinal).Take(1000)
            .Select(r => new CaseSummary(r.CaseId, r.LastVersion, r.CaseNumber, r.Agency, r.ReceivedOn, r.Status.ToString(), r.Deadline,
                r.DeadlineProvisional, r.ClosedOn, r.Outcome?.ToString()))
            .ToList();
        return TypedResults.Ok(rows);
    }

    private static async Task<IResult> Get(HttpContext context, Guid id, IEventStore store, CasePolicy policy, TimeProvider time)
    {
        var dto = await LoadAsync(context, store, id, policy, time);
        context.Response.Headers.ETag = ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<IResult> Record(HttpContext context, Guid id, MilestoneForm form, string? ifMatch, IMediator mediator, IEventStore store,
        CasePolicy policy,
        TimeProvider time)
    {
        if (string.IsNullOrEmpty(ifMatch))
        {
            return new Problem(428, "缺少 If-Match",
                "登记办理环节须带 If-Match 请求头（案件的 ETag，即 GET 得到的版本），以免覆盖他人的更新。",
                "version.required").ToResult();
        }

        if (!long.TryParse(ifMatch.Replace("W/", "", StringComparison.Ordinal).Trim('"', ' '), out var expected))
        {
            throw new UserError("If-Match", $"If-Match：“{ifMatch}”不是案件版本（应为 GET 返回的 ETag，例如 \"3\"）。");
        }

        var values = await WebForms.ReadJsonAsync(context.Request);
        await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        var change = await mediator.Send(new RecordMilestone(id, form.Build(values), expected), context.RequestAborted);
        context.Response.Headers.ETag = ETag(change.Version);
        return TypedResults.Ok(await LoadAsync(context, store, id, policy, time));
    }

    private static async Task<CaseDto> LoadAsync(HttpContext context, IEventStore store, Guid id, CasePolicy policy, TimeProvider time) =>
        CaseDto.From(await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted), WebUser.Of(context.User)!,
            context.Access(), policy, time.Today());

    private static string ETag(long version) => $"\"{version}\"";
}

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
            .WithDescription("读模型，在数据库中筛选、排序、分页（不设上限）；total 为符合条件的总件数；不含个人信息。")
            .Produces<CaseList>().ProducesProblems(400, 401, 403);
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

    private static async Task<IResult> List(HttpContext context, Search.CaseSearch search, TimeProvider time,
        [Description("open（未办结）、running、paused、closed（已办结）或 all（默认）")] string? status,
        [Description("机关名称（含下属机关）；留空为全部可见机关")] string? agency,
        [Description("编号（包含）；承办人、监督人员还可按申请人姓名、证件号码、电话（完全一致，规范化后比对）；申请内容中的词")] string? q,
        [Description("承办人用户名；- 为未指定")] string? assignee,
        [Description("1：只列已超期的未办结案件")] string? overdue,
        [Description("N：N 个工作日内到期的未办结案件")] string? due,
        [Description("申请方式代码")] string? channel,
        [Description("收到日期起（yyyy-MM-dd）")] string? from,
        [Description("收到日期止（yyyy-MM-dd）")] string? to,
        [Description("答复结果代码")] string? outcome,
        [Description("received（默认）、deadline、number、agency、assignee、status")] string? sort,
        [Description("asc 或 desc")] string? dir,
        [Description("页码，从 1 起")] string? page,
        [Description("每页件数，1 到 500，默认 50")] string? size,
        [Description("上一页返回的 nextCursor（按位置翻页，优先于 page）")] string? cursor)
    {
        var filter = Search.CaseFilter.Parse(k => context.Request.Query[k].FirstOrDefault());
        var found = await search.PageAsync(filter, context.Access(), time.Today(), context.RequestAborted);
        var items = found.Items.Select(i => new CaseSummary(i.Row.CaseId, i.Row.LastVersion, i.Row.CaseNumber, i.Row.Agency, i.Row.ReceivedOn,
            i.Row.Status.ToString(), i.Row.Deadline, i.Row.DeadlineProvisional, i.Row.ClosedOn, i.Row.Outcome?.ToString())
        {
            Assignee = i.Assignee,
            WorkingDaysLeft = i.DaysLeft,
            Overdue = i.Overdue,
        }).ToList();
        return TypedResults.Ok(new CaseList(items, found.Total, found.Page, found.Size, found.NextCursor));
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
        // The stream is read once (issue 14: it was read three times): for the access check, by the handler, and for the
        // answer, which adds only the events just appended (a read of those few rows).
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        var change = await mediator.Send(new RecordMilestone(id, form.Build(values), expected) { Loaded = file.Events }, context.RequestAborted);
        context.Response.Headers.ETag = ETag(change.Version);
        var after = change.Version == file.Version ? file : await file.WithNewEventsAsync(store, context.RequestAborted);
        return TypedResults.Ok(CaseDto.From(after, WebUser.Of(context.User)!, context.Access(), policy, time.Today()));
    }

    private static async Task<CaseDto> LoadAsync(HttpContext context, IEventStore store, Guid id, CasePolicy policy, TimeProvider time) =>
        CaseDto.From(await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted), WebUser.Of(context.User)!,
            context.Access(), policy, time.Today());

    private static string ETag(long version) => $"\"{version}\"";
}

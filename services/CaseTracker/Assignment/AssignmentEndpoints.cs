using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels.CaseList;
using CaseTracker.Search;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;
using CaseTracker.Web.OpenApi;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CaseTracker.Assignment;

/// <summary>The body of <c>POST /api/cases/{id}/assignee</c>.</summary>
public sealed record AssigneeBody([property: Description("承办人：本机关一名经办人的用户名"), MaxLength(64)] string Assignee) : IRequestBody<AssigneeBody>
{
    public static AssigneeBody Read(FormValues values) => new(values.Text("assignee", "承办人", 64));
}

/// <summary>承办人: the form on the case page, the API, "my cases" and the supervisors' workload page.</summary>
public static class AssignmentEndpoints
{
    public static IEndpointRouteBuilder MapAssignment(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/cases").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/mine", Mine);
        pages.MapGet("/workload", Workload);
        pages.MapPost("/{id:guid}/assignee", AssignFromForm);
        app.MapPost("/api/cases/{id:guid}/assignee", AssignFromApi).RequireAuthorization().WithTags(CasesApi.Tag)
            .WithName("assignCase").WithSummary("指定或更换承办人")
            .WithDescription("承办人须为本机关的经办人；已有承办人时只有监督人员可以更换。每次更换记入办理过程。")
            .AcceptsJson(typeof(AssigneeBody)).Produces<CaseDto>().WithETag().ProducesProblems(400, 401, 403, 404, 412, 422);
        return app;
    }

    private static async Task<IResult> Mine(HttpContext context, CaseSearch search, TimeProvider time, CancellationToken ct)
    {
        var user = WebUser.Of(context.User)!;
        var filter = CaseFilter.Parse(k => context.Request.Query[k].FirstOrDefault()) with { Assignee = user.Name };
        filter = context.Request.Query.ContainsKey("status") ? filter : filter with { Status = "Open" };
        if (!context.Request.Query.ContainsKey("sort"))
        {
            filter = filter with { Sort = "deadline", Descending = false };
        }

        var page = await search.PageAsync(filter, context.Access(), time.Today(), ct);
        return PageResult.Of<CaseListPage>(new { Results = page, Filter = filter, Title = "我的案件", Action = "/cases/mine", CanRegister = true });
    }

    private static async Task<IResult> Workload(HttpContext context, WorkloadQuery workload, TimeProvider time, string? agency, CancellationToken ct)
    {
        var access = context.Access();
        if (access.Role is not (Role.Supervisor or Role.Administrator or Role.Auditor))
        {
            throw new ForbiddenException("工作量统计只对监督人员开放。");
        }

        var today = time.Today();
        return PageResult.Of<WorkloadPage>(new { Rows = await workload.RunAsync(access, agency, today, ct), Today = today, Agency = agency });
    }

    private static async Task<IResult> AssignFromForm(HttpContext context, Guid id, IMediator mediator, IEventStore store, Assignees assignees,
        CaseListQueries caseList, TimeProvider time)
    {
        var form = await WebForms.ReadFormAsync(context);
        var version = long.TryParse(form.Raw.GetValueOrDefault("version"), out var v) ? v
            : throw new UserError("version", "表单缺少案件版本，请刷新页面后重试。");
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        var command = await assignees.CheckAsync(file.State, form.Raw.GetValueOrDefault("assignee"), context.Access(), time.Today(), context.RequestAborted);
        var change = await mediator.Send(new RecordMilestone(id, command, version), context.RequestAborted);
        await CaseFile.WaitForReadModelAsync(caseList, id, change.Version, context.RequestAborted);
        return Results.Redirect($"/cases/{id}?done=assign#timeline");
    }

    private static async Task<IResult> AssignFromApi(HttpContext context, Guid id, IMediator mediator, IEventStore store, Assignees assignees,
        CasePolicy policy, TimeProvider time,
        [FromHeader(Name = "If-Match"), Description("案件的 ETag；不带时按最新版本指定")] string? ifMatch)
    {
        var body = await RequestBodies.ReadJsonAsync<AssigneeBody>(context.Request);
        long? expected = ifMatch is null ? null
            : long.TryParse(ifMatch.Replace("W/", "", StringComparison.Ordinal).Trim('"', ' '), out var n) ? n
            : throw new UserError("If-Match", $"If-Match：“{ifMatch}”不是案件版本。");
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        var command = await assignees.CheckAsync(file.State, body.Assignee, context.Access(), time.Today(), context.RequestAborted);
        var change = await mediator.Send(new RecordMilestone(id, command, expected), context.RequestAborted);
        context.Response.Headers.ETag = $"\"{change.Version}\"";
        var reloaded = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        return TypedResults.Ok(CaseDto.From(reloaded, WebUser.Of(context.User)!, context.Access(), policy, time.Today()));
    }
}

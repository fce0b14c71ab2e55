using CaseTracker.Agencies;
using CaseTracker.Cases.Forms;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels.CaseList;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;
using Mediator;

namespace CaseTracker.Cases;

/// <summary>The caseworker's pages: the case list, the intake form, the case page and its milestone forms.</summary>
public static class CasePages
{
    public static IEndpointRouteBuilder MapCasePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/cases").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/", List);
        pages.MapGet("/new", async (HttpContext c, AgencyDirectory agencies, NextCaseNumber numbers, TimeProvider time) =>
        {
            var reachable = await AgenciesFor(c, agencies);
            return Intake(c, reachable, null, null, proposals: await numbers.ProposeAllAsync(reachable, time.Today().Year, c.RequestAborted));
        });
        pages.MapPost("/", Receive);
        pages.MapGet("/{id:guid}", Show);
        pages.MapPost("/{id:guid}/milestones/{kind}", Record);
        return app;
    }

    private static async Task<IResult> List(HttpContext context, Search.CaseSearch search, TimeProvider time, CancellationToken ct)
    {
        var access = context.Access();
        var filter = Search.CaseFilter.Parse(k => context.Request.Query[k].FirstOrDefault());
        var page = await search.PageAsync(filter, access, time.Today(), ct);
        return PageResult.Of<CaseListPage>(new { Results = page, Filter = filter, CanRegister = access.Role is not Role.Auditor });
    }

    public static string StatusLabel(CaseStatus status) => status switch
    {
        CaseStatus.Running => "办理中",
        CaseStatus.Paused => "暂停计时",
        CaseStatus.Closed => "已办结",
        _ => "未收到",
    };

    private static async Task<IResult> Receive(HttpContext context, IMediator mediator, AgencyDirectory agencies, CaseListQueries caseList)
    {
        var form = await WebForms.ReadFormAsync(context);
        var reachable = await AgenciesFor(context, agencies);
        // The form carries the new case's id, so a double submit lands on the case it created instead of a twin.
        var caseId = Guid.TryParse(form.Raw.GetValueOrDefault("caseId"), out var given) && given != Guid.Empty ? given : Guid.NewGuid();
        try
        {
            var change = await mediator.Send(
                new RecordMilestone(caseId, await IntakeForm.BuildAsync(form, caseId, agencies, context.RequestAborted)), context.RequestAborted);
            change = await Assignment.IntakeAssignment.AssignRegistrarAsync(context, mediator, change, context.RequestAborted);
            await CaseFile.WaitForReadModelAsync(caseList, caseId, change.Version, context.RequestAborted);
            return Results.Redirect($"/cases/{caseId}?done=receive");
        }
        catch (Exception error) when (Problem.From(error) is { Status: not 403 } problem)
        {
            var existing = problem.Rule == "case.exists"
                ? (await context.RequestServices.GetRequiredService<IEventStore>().LoadCaseAsync(caseId, context.RequestAborted)).Receipt
                : null;
            if (existing is not null && context.Access().CanSee(existing.Agency) && existing.CaseNumber == form.Raw.GetValueOrDefault("caseNumber")?.Trim())
            {
                return Results.Redirect($"/cases/{caseId}?done=receive");
            }

            if (problem.Rule == "case.exists")
            {
                // The posted id is another case's (not this form's double submit): say nothing of that case (its 编号 or
                // agency may be another's), give the form a fresh id.
                var values = form.Raw.Where(v => !string.Equals(v.Key, "caseId", StringComparison.OrdinalIgnoreCase)).ToDictionary(v => v.Key, v => v.Value);
                return Intake(context, reachable, values, "此登记表已失效（已提交过或被改动），请核对后重新提交。", StatusCodes.Status409Conflict);
            }

            return Intake(context, reachable, form.Raw, problem.Detail, problem.Status);
        }
    }

    private static IResult Intake(HttpContext context, IReadOnlyList<string> agencies, IReadOnlyDictionary<string, string?>? values, string? error,
        int status = 200, IReadOnlyDictionary<string, string>? proposals = null)
    {
        if (context.Access().Role is Role.Auditor)
        {
            throw new ForbiddenException("审计人员只能查看，不能登记申请。");
        }

        var today = context.RequestServices.GetRequiredService<TimeProvider>().Today();
        return PageResult.Of<IntakePage>(
            new { Agencies = agencies, Values = values, Error = error, Today = today, Proposals = proposals ?? new Dictionary<string, string>() },
            status);
    }

    private static async Task<IResult> Show(HttpContext context, Guid id, IEventStore store, CasePolicy policy, TimeProvider time, string? done)
    {
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        var notice = done is null ? null : done == "document" ? "已上传材料。" : "已登记：" + (done switch { "receive" => "收到申请", "assign" => "承办人", _ => MilestoneForms.Find(done)?.Label ?? done });
        return ShowCase(context, file, policy, time.Today(), notice: notice);
    }

    private static async Task<IResult> Record(
        HttpContext context, Guid id, string kind, IMediator mediator, IEventStore events, CaseListQueries caseList, CasePolicy policy, TimeProvider time)
    {
        var form = MilestoneForms.Find(kind) ?? throw new NotFoundException($"没有“{kind}”这种办理环节。");
        var values = await WebForms.ReadFormAsync(context);
        try
        {
            var version = values.Optional("version", "版本", 20) is { } v && long.TryParse(v, out var n) ? n
                : throw new Pipeline.UserError("version", "表单缺少案件版本，请刷新页面后重试。");
            var change = await mediator.Send(new RecordMilestone(id, form.Build(values), version), context.RequestAborted);
            await CaseFile.WaitForReadModelAsync(caseList, id, change.Version, context.RequestAborted);
            return Results.Redirect($"/cases/{id}?done={kind}#timeline");
        }
        catch (Exception error) when (Problem.From(error) is { Status: not (403 or 404) } problem)
        {
            // A stale version: the page shows the case as it now stands, the form open but empty.
            var file = await CaseFile.LoadAsync(events, id, context.Access(), context.RequestAborted);
            var stale = problem.Status == 412;
            var message = stale ? problem.Detail + " 页面已显示最新内容，请核对后重新登记。" : problem.Detail;
            return ShowCase(context, file, policy, time.Today(), $"{form.Label}未登记：{message}", kind,
                stale ? null : values.Raw, stale ? 409 : problem.Status);
        }
    }

    internal static IResult ShowCase(HttpContext context, CaseFile file, CasePolicy policy, DateOnly today, string? error = null, string? openForm = null,
        IReadOnlyDictionary<string, string?>? values = null, int status = StatusCodes.Status200OK, string? notice = null)
    {
        var access = context.Access();
        var receipt = file.State.Receipt!;
        return PageResult.Of<CasePage>(new
        {
            File = file,
            Access = access,
            SeesPersonalData = access.SeesPersonalData(WebUser.Of(context.User)!.Role, receipt.Agency),
            Reading = StatutoryClock.Read(file.State, today, policy.Calendar, policy.Settings),
            Today = today,
            Offered = CaseDecider.Offered(file.State, policy with { Today = today }),
            Notice = notice,
            Error = error,
            OpenForm = openForm,
            Values = values,
        }, status);
    }

    private static async Task<IReadOnlyList<string>> AgenciesFor(HttpContext context, AgencyDirectory agencies)
    {
        var access = context.Access();
        return (await agencies.ListAsync(context.RequestAborted)).Select(a => a.Name).Where(access.CanRecord).OrderBy(a => a, StringComparer.Ordinal).ToList();
    }
}

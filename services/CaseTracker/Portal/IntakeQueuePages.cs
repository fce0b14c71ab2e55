using CaseTracker.Agencies;
using CaseTracker.Domain.Cases;
using CaseTracker.Pipeline;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;
using Mediator;

namespace CaseTracker.Portal;

/// <summary>
/// 网上申请 (staff): <c>/intake</c> lists the requests of the user's agencies, waiting ones (待确认) first;
/// <c>/intake/{code}</c> shows one with the three answers: 签收, 转办, 不作为政府信息公开申请处理.
/// </summary>
public static class IntakeQueuePages
{
    public static IEndpointRouteBuilder MapIntakeQueue(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/intake").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/", async (HttpContext c, PortalIntake intake, string? message) =>
            PageResult.Of<QueuePage>(new { Requests = await intake.QueueAsync(c.Access(), c.RequestAborted), Message = message }));
        pages.MapGet("/{code}", (HttpContext c, string code, PortalIntake intake, AgencyDirectory agencies, NextCaseNumber numbers, TimeProvider time) =>
            ItemAsync(c, code, intake, agencies, numbers, time, null, null, 200));
        pages.MapPost("/{code}/confirm", (HttpContext c, string code, PortalIntake intake, AgencyDirectory agencies, NextCaseNumber numbers,
            TimeProvider time, IMediator mediator, CasePolicy policy) => HandleAsync(c, code, intake, agencies, numbers, time, async form =>
        {
            var (request, _) = await intake.ConfirmAsync(code, form.Text("caseNumber", "申请编号", 64), form.Date("receivedOn", "收到申请日期"),
                c.Access(), mediator, policy, c.RequestAborted);
            return $"/cases/{request.CaseId}?message=" + Uri.EscapeDataString($"已签收网上申请：收到申请日期 {request.ReceivedOn:yyyy-MM-dd}，渠道 网络。");
        }));
        pages.MapPost("/{code}/forward", (HttpContext c, string code, PortalIntake intake, AgencyDirectory agencies, NextCaseNumber numbers,
            TimeProvider time) => HandleAsync(c, code, intake, agencies, numbers, time, async form =>
        {
            var request = await intake.ForwardAsync(code, form.Text("toAgency", "转办机关", 200), form.Optional("note", "转办说明", 500),
                c.Access(), c.RequestAborted);
            return "/intake?message=" + Uri.EscapeDataString($"已转办至{request.Agency}。");
        }));
        pages.MapPost("/{code}/answer", (HttpContext c, string code, PortalIntake intake, AgencyDirectory agencies, NextCaseNumber numbers,
            TimeProvider time) => HandleAsync(c, code, intake, agencies, numbers, time, async form =>
        {
            await intake.AnswerNotARequestAsync(code, form.Text("kind", "类别", 20), form.Text("reply", "答复内容", 2000), c.Access(), c.RequestAborted);
            return "/intake?message=" + Uri.EscapeDataString("已答复：不作为政府信息公开申请处理。");
        }));
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string code, PortalIntake intake, AgencyDirectory agencies,
        NextCaseNumber numbers, TimeProvider time, Func<FormValues, Task<string>> action)
    {
        var form = await WebForms.ReadFormAsync(context);
        var request = await intake.GetForStaffAsync(code, context.Access(), context.RequestAborted);
        if (!context.Access().CanRecord(request.Value.Agency))
        {
            throw new ForbiddenException($"您无权办理“{request.Value.Agency}”的网上申请。");
        }

        try
        {
            return Results.Redirect(await action(form));
        }
        catch (Exception error) when (Problem.From(error) is { Status: 400 or 409 or 412 or 422 } problem)
        {
            return await ItemAsync(context, code, intake, agencies, numbers, time, problem.Detail, form.Raw, problem.Status);
        }
    }

    private static async Task<IResult> ItemAsync(HttpContext context, string code, PortalIntake intake, AgencyDirectory agencies,
        NextCaseNumber numbers, TimeProvider time, string? error, IReadOnlyDictionary<string, string?>? values, int status)
    {
        var ct = context.RequestAborted;
        var request = (await intake.GetForStaffAsync(code, context.Access(), ct)).Value;
        var all = await agencies.ListAsync(ct);
        var today = time.Today();
        var agency = all.FirstOrDefault(a => a.Name == request.Agency);
        var proposal = agency is null ? null : (await numbers.ProposeAsync(agency, today.Year, ct)).Number;
        return PageResult.Of<QueueItemPage>(new
        {
            Request = request,
            Agencies = all.Select(a => a.Name).Where(n => n != request.Agency).Order(StringComparer.Ordinal).ToList(),
            ProposedNumber = values?.GetValueOrDefault("caseNumber") ?? proposal,
            Today = today,
            CanRecord = context.Access().CanRecord(request.Agency),
            Error = error,
        }, status);
    }
}

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
using Mediator;

namespace CaseTracker.Cases;

/// <summary>
/// The case API: the same commands as the forms (the JSON properties are the form fields), the stream version as ETag,
/// If-Match required on every change to an existing case, problem+json in Chinese for every refusal.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").RequireAuthorization().WithTags("cases");
        api.MapPost("/", Receive).WithSummary("登记收到申请（caseNumber, agency, on, channel, applicantType, name, idNumber, phone, address, description, requestedForm）")
            .Produces<CaseDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(422);
        api.MapGet("/", List).WithSummary("案件列表（读模型；status: open closed all；agency 含下属；q 按编号；最多 1000 件），不含个人信息")
            .Produces<IReadOnlyList<CaseSummary>>().ProducesProblem(400).ProducesProblem(403);
        api.MapGet("/{id:guid}", Get).WithSummary("案件（ETag = 流版本）").Produces<CaseDto>().ProducesProblem(404).ProducesProblem(403);
        api.MapPost("/{id:guid}/milestones/{kind}", Record)
            .WithSummary("登记办理环节（kind: " + string.Join(", ", MilestoneForms.All.Select(f => f.Kind)) + "），需 If-Match: \"版本\"")
            .Produces<CaseDto>().ProducesProblem(400).ProducesProblem(412).ProducesProblem(422).ProducesProblem(428);
        app.Map("/api/{**path}", () => new Problem(404, "未找到", "没有这个接口或资源。", "not_found").ToResult()).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Receive(HttpContext context, IMediator mediator, IEventStore store, CasePolicy policy, TimeProvider time, AgencyDirectory agencies)
    {
        var values = await WebForms.ReadJsonAsync(context.Request);
        var caseId = Guid.NewGuid();
        var change = await mediator.Send(new RecordMilestone(caseId, await IntakeForm.BuildAsync(values, caseId, agencies, context.RequestAborted)), context.RequestAborted);
        var dto = await LoadAsync(context, store, caseId, policy, time);
        context.Response.Headers.ETag = ETag(change.Version);
        return TypedResults.Created($"/api/cases/{caseId}", dto);
    }

    private static async Task<IResult> List(HttpContext context, CaseListQueries caseList, DashboardQuery scopes, string? status, string? agency, string? q)
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
            .Where(r => scope(r.Agency) && wanted(r.Status) && (string.IsNullOrWhiteSpace(q) || r.CaseNumber.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(r => r.ReceivedOn).ThenBy(r => r.CaseNumber, StringComparer.Ordinal).Take(1000)
            .Select(r => new CaseSummary(r.CaseId, r.LastVersion, r.CaseNumber, r.Agency, r.ReceivedOn, r.Status.ToString(), r.Deadline, r.DeadlineProvisional, r.ClosedOn, r.Outcome?.ToString()))
            .ToList();
        return TypedResults.Ok(rows);
    }

    private static async Task<IResult> Get(HttpContext context, Guid id, IEventStore store, CasePolicy policy, TimeProvider time)
    {
        var dto = await LoadAsync(context, store, id, policy, time);
        context.Response.Headers.ETag = ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<IResult> Record(HttpContext context, Guid id, string kind, IMediator mediator, IEventStore store, CasePolicy policy, TimeProvider time)
    {
        var form = MilestoneForms.Find(kind) ?? throw new NotFoundException($"没有“{kind}”这种办理环节；可用：{string.Join("、", MilestoneForms.All.Select(f => f.Kind))}。");
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
        {
            return new Problem(428, "缺少 If-Match", "登记办理环节须带 If-Match 请求头（案件的 ETag，即 GET 得到的版本），以免覆盖他人的更新。", "version.required").ToResult();
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
        CaseDto.From(await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted), WebUser.Of(context.User)!, context.Access(), policy, time.Today());

    private static string ETag(long version) => $"\"{version}\"";
}

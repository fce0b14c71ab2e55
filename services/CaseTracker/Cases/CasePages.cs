using CaseTracker.Agencies;
using CaseTracker.Cases.Forms;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels.CaseList;
using CaseTracker.Web;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Forms;
using CaseTracker.Web.Html;
using Mediator;
using static CaseTracker.Web.Html.Html;

namespace CaseTracker.Cases;

/// <summary>The caseworker's pages: the case list, the intake form, the case page and its milestone forms.</summary>
public static class CasePages
{
    public static IEndpointRouteBuilder MapCasePages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/cases").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/", List);
        pages.MapGet("/new", async (HttpContext c, AgencyDirectory agencies) => Intake(c, await AgenciesFor(c, agencies), null, null));
        pages.MapPost("/", Receive);
        pages.MapGet("/{id:guid}", Show);
        pages.MapPost("/{id:guid}/milestones/{kind}", Record);
        return app;
    }

    private static async Task<IResult> List(HttpContext context, CaseListQueries caseList, string? q, string? status, CancellationToken ct)
    {
        var access = context.Access();
        var rows = (await caseList.AllAsync(ct)).Where(r => access.CanSee(r.Agency))
            .Where(r => string.IsNullOrWhiteSpace(q) || r.CaseNumber.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(r => status switch { "open" => r.Status != CaseStatus.Closed, "closed" => r.Status == CaseStatus.Closed, _ => true })
            .OrderByDescending(r => r.ReceivedOn).ThenBy(r => r.CaseNumber, StringComparer.Ordinal).Take(300).ToList();
        var search = $"""
            <form method="get" action="/cases" class="filters"><input name="q" placeholder="申请编号" value="{E(q)}">
            <select name="status">{Options([("all", "全部"), ("open", "未办结"), ("closed", "已办结")], status ?? "all")}</select>
            <button type="submit">查询</button></form>
            """;
        var add = access.Role is Role.Auditor ? "" : "<p><a class=\"button\" href=\"/cases/new\">登记新申请</a></p>";
        var table = Table(["申请编号", "办理机关", "收到日期", "状态", "答复期限", "办结日期"], rows.Select(r => (IReadOnlyList<string>)
        [
            $"<a href=\"/cases/{r.CaseId}\">{E(r.CaseNumber)}</a>", E(r.Agency), E(Date(r.ReceivedOn)), E(StatusLabel(r.Status)),
            E(Date(r.Deadline)) + (r.DeadlineProvisional ? "（暂定）" : ""), E(Date(r.ClosedOn)),
        ]));
        return Layout.Page(context, "案件", add + search + $"<p class=\"muted\">显示 {rows.Count} 件（最多 300 件，按收到日期倒序）。</p>" + table);
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
            var change = await mediator.Send(new RecordMilestone(caseId, await IntakeForm.BuildAsync(form, caseId, agencies, context.RequestAborted)), context.RequestAborted);
            await CaseFile.WaitForReadModelAsync(caseList, caseId, change.Version, context.RequestAborted);
            return Results.Redirect($"/cases/{caseId}?done=receive");
        }
        catch (Exception error) when (Problem.From(error) is { Status: not 403 } problem)
        {
            var existing = problem.Rule == "case.exists" ? (await context.RequestServices.GetRequiredService<IEventStore>().LoadCaseAsync(caseId, context.RequestAborted)).Receipt : null;
            return existing is not null && context.Access().CanSee(existing.Agency) && existing.CaseNumber == form.Raw.GetValueOrDefault("caseNumber")?.Trim()
                ? Results.Redirect($"/cases/{caseId}?done=receive")
                : Intake(context, reachable, form.Raw, problem.Detail, problem.Status);
        }
    }

    private static IResult Intake(HttpContext context, IReadOnlyList<string> agencies, IReadOnlyDictionary<string, string?>? values, string? error, int status = 200)
    {
        if (context.Access().Role is Role.Auditor)
        {
            throw new ForbiddenException("审计人员只能查看，不能登记申请。");
        }

        var channelRules = string.Concat(Vocabulary.Channels.Select(c => $"<li><b>{E(c.Label)}</b>：{E(c.Channel.ReceiptDateRule())}</li>"));
        var fields = string.Concat(IntakeForm.Fields.Select(f => f.Key == "agency"
            ? $"<div class=\"field\"><label for=\"intake-agency\">办理机关</label><select id=\"intake-agency\" name=\"agency\" required>{Options(agencies.Select(a => (a, a)), values?.GetValueOrDefault("agency") ?? (agencies.Count == 1 ? agencies[0] : null))}</select></div>"
            : FieldHtml.Render(f, "intake", CaseState.Initial, values, context.RequestServices.GetRequiredService<TimeProvider>().Today())));
        var caseId = values?.GetValueOrDefault("caseId") is { Length: > 0 } id ? id : Guid.NewGuid().ToString();
        var body = Error(error) + Form(context, "/cases", $"<input type=\"hidden\" name=\"caseId\" value=\"{E(caseId)}\">" + fields + "<button type=\"submit\">登记</button>", "intake")
            + $"<aside class=\"hint\" id=\"receipt-rule\"><h2>收到申请之日（条例第三十一条）</h2><ul>{channelRules}</ul></aside>"
            + ChannelHint;
        return Layout.Page(context, "登记新申请", body, status);
    }

    /// <summary>The one line of JavaScript in the product: the receipt-date rule of the channel picked, under the select.</summary>
    private static readonly string ChannelHint =
        "<script>(function(){var rules=" + System.Text.Json.JsonSerializer.Serialize(Vocabulary.Channels.ToDictionary(c => c.Channel.ToString(), c => c.Channel.ReceiptDateRule()))
        + ";var s=document.getElementById('intake-channel');if(!s)return;var h=document.createElement('small');h.id='channel-rule';s.after(h);"
        + "function u(){h.textContent=rules[s.value]||'';}s.addEventListener('change',u);u();})();</script>";

    private static async Task<IResult> Show(HttpContext context, Guid id, IEventStore store, CasePolicy policy, TimeProvider time, string? done)
    {
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        var notice = done is null ? "" : Notice("已登记：" + (done == "receive" ? "收到申请" : MilestoneForms.Find(done)?.Label ?? done));
        return Layout.Page(context, $"案件 {file.State.Receipt!.CaseNumber}", notice + CasePage.Render(context, file, WebUser.Of(context.User)!, context.Access(), policy, time.Today()));
    }

    private static async Task<IResult> Record(HttpContext context, Guid id, string kind, IMediator mediator, IEventStore events, CaseListQueries caseList, CasePolicy policy, TimeProvider time)
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
            var file = await CaseFile.LoadAsync(events, id, context.Access(), context.RequestAborted);
            var message = problem.Status == 412 ? problem.Detail + " 页面已显示最新内容，请核对后重新登记。" : problem.Detail;
            var html = Error($"{form.Label}未登记：{message}") + CasePage.Render(context, file, WebUser.Of(context.User)!, context.Access(), policy, time.Today(),
                kind, problem.Status == 412 ? null : values.Raw);
            return Layout.Page(context, $"案件 {file.State.Receipt!.CaseNumber}", html, problem.Status == 412 ? 409 : problem.Status);
        }
    }

    private static async Task<IReadOnlyList<string>> AgenciesFor(HttpContext context, AgencyDirectory agencies)
    {
        var access = context.Access();
        return (await agencies.ListAsync(context.RequestAborted)).Select(a => a.Name).Where(access.CanRecord).OrderBy(a => a, StringComparer.Ordinal).ToList();
    }
}

using CaseTracker.Agencies;
using CaseTracker.Cases;
using CaseTracker.Ledger;
using CaseTracker.Ledger.Export;
using CaseTracker.Pipeline;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Html;
using static CaseTracker.Web.Html.Html;

namespace CaseTracker.Deadlines;

/// <summary>期限监督: the dashboard page and the ledger export of what it shows (its JSON: <see cref="DashboardApi"/>).</summary>
public static class DashboardPages
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", Page).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/dashboard/export", Export).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Page(HttpContext context, DashboardQuery query, AgencyDirectory agencies, TimeProvider time, string? agency, string? within)
    {
        var view = await query.RunAsync(context.Access(), agency, Within(within), time.Today(), context.RequestAborted);
        var access = context.Access();
        var choices = (await agencies.ListAsync(context.RequestAborted)).Select(a => a.Name).Where(access.CanSee).Order(StringComparer.Ordinal).Select(a => (a, a));
        var filter = $"""
            <form method="get" action="/dashboard" class="filters no-print">
            <label>机关（含下属）<select name="agency"><option value="">全部可见机关</option>{Options(choices, agency)}</select></label>
            <label>临近期限：<input type="number" name="within" min="1" max="60" value="{view.Within}"> 个工作日内</label>
            <button type="submit">刷新</button></form>
            """;
        var q = $"agency={Uri.EscapeDataString(agency ?? "")}";
        var exports = access.Role is Role.Caseworker or Role.Supervisor
            ? $"<p class=\"no-print\">导出台账：<a href=\"/dashboard/export?format=xlsx&amp;{E(q)}\">未办结案件 XLSX</a> · <a href=\"/dashboard/export?format=csv&amp;{E(q)}\">CSV</a> · <a href=\"/dashboard/export?format=xlsx&amp;overdue=true&amp;{E(q)}\">超期案件 XLSX</a></p>"
            : "";
        var counts = $"<ul class=\"counts\" id=\"counts\"><li>未办结 <b data-count=\"open\">{view.Counts.Open}</b></li><li>超期 <b data-count=\"overdue\">{view.Counts.Overdue}</b></li><li>今日到期 <b data-count=\"today\">{view.Counts.DueToday}</b></li><li>{view.Within} 个工作日内到期 <b data-count=\"soon\">{view.Counts.DueSoon}</b></li><li>暂停计时 <b data-count=\"paused\">{view.Counts.Paused}</b></li><li>待发补正告知 <b data-count=\"notices\">{view.Counts.SupplementNoticesToSend}</b></li></ul>";
        var body = filter + counts + exports
            + Section("overdue", "超期未答复", view.Overdue, view.Counts.Overdue, "超期工作日", c => c.WorkingDaysLeft is { } l ? E(-l) : "")
            + Section("today", "今日到期", view.DueToday, view.Counts.DueToday, "剩余工作日", _ => "0")
            + Section("soon", $"{view.Within} 个工作日内到期", view.DueSoon, view.Counts.DueSoon, "剩余工作日", c => E(c.WorkingDaysLeft))
            + Section("paused", "暂停计时", view.Paused, view.Counts.Paused, "暂停原因", c => E(string.Join("、", c.PausedFor.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => Enum.TryParse<Domain.Clock.PauseReason>(p, out var r) ? DeadlinePanel.PauseLabel(r) : p))))
            + Section("notices", "待发补正告知（收到后 7 个工作日内，条例第三十条）", view.SupplementNoticesToSend, view.Counts.SupplementNoticesToSend, "告知期限", c => E(Date(c.SupplementNoticeDue)));
        return Layout.Page(context, $"期限监督（{view.Today:yyyy-MM-dd}）", body);
    }

    internal static int Within(string? within) => string.IsNullOrWhiteSpace(within) ? 5
        : int.TryParse(within, out var n) ? n : throw new UserError("within", $"临近期限的工作日数：“{within}”不是整数。");

    private const int Shown = 200;

    private static string Section(string id, string title, IReadOnlyList<DashboardCase> cases, int total, string extra, Func<DashboardCase, string> value) =>
        $"<section id=\"{id}\"><h2>{E(title)}（{total}）</h2>" + (total > Shown ? $"<p class=\"muted\">显示最紧迫的 {Shown} 件；全部请导出台账。</p>" : "") + (cases.Count == 0 ? "<p class=\"muted\">无</p>" : Table(
            ["申请编号", "办理机关", "收到日期", "答复期限", extra],
            cases.Take(Shown).Select(c => (IReadOnlyList<string>)
            [
                $"<a href=\"/cases/{c.CaseId}\">{E(c.CaseNumber)}</a>", E(c.Agency), E(Date(c.ReceivedOn)), E(Date(c.Deadline)) + (c.Provisional ? "（暂定）" : ""), value(c),
            ]))) + "</section>";

    private static async Task<IResult> Export(HttpContext context, DashboardQuery query, LedgerExportQuery ledger, TimeProvider time, string? agency, string? format, string? overdue)
    {
        var access = context.Access();
        if (access.Role is not (Role.Caseworker or Role.Supervisor))
        {
            throw new ForbiddenException("台账含申请人个人信息，只有本机关的经办人和监督人员可以导出。");
        }

        var user = WebUser.Of(context.User)!;
        var target = string.IsNullOrWhiteSpace(agency) ? user.Agency! : agency;
        await query.ScopeAsync(access, target, context.RequestAborted);
        var filter = new CaseFilter(target, access.Role == Role.Supervisor, StatusFilter.Open, overdue == "true", time.Today());
        var rows = new List<LedgerExportRow>();
        await foreach (var row in ledger.RowsAsync(filter, context.RequestAborted))
        {
            rows.Add(row);
        }

        var stream = new MemoryStream();
        var (media, extension) = format switch
        {
            "csv" => ("text/csv; charset=utf-8", "csv"),
            null or "xlsx" => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            _ => throw new UserError("format", $"导出格式：“{format}”不支持，应为 csv 或 xlsx。"),
        };
        if (extension == "csv")
        {
            LedgerExport.WriteCsv(stream, rows);
        }
        else
        {
            LedgerExport.WriteXlsx(stream, rows);
        }

        return Results.File(stream.ToArray(), media, $"{target}{(overdue == "true" ? "超期" : "未办结")}台账{time.Today():yyyyMMdd}.{extension}");
    }
}

using CaseTracker.Agencies;
using CaseTracker.Cases;
using CaseTracker.Pipeline;
using CaseTracker.Reporting.Publishing;
using CaseTracker.Reporting.Rendering;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Validation;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Forms;
using CaseTracker.Web.Html;
using static CaseTracker.Web.Html.Html;

namespace CaseTracker.Reports;

/// <summary>年度报告: pick year, agency and format; the tables in the official layout, their checks, downloads, publication (API: <see cref="ReportsApi"/>).</summary>
public static class ReportPages
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports", Page).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/reports/download", Download).RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/reports/publish", Publish).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Page(HttpContext context, ReportService service, AgencyDirectory agencies, TimeProvider time,
        string? year, string? agency, string? subordinates, string? layout, string? message, string? error)
    {
        var access = context.Access();
        var visible = (await agencies.ListAsync(context.RequestAborted)).Select(a => a.Name).Where(access.CanSee).Order(StringComparer.Ordinal).ToList();
        var user = WebUser.Of(context.User)!;
        var chosen = agency ?? user.Agency ?? visible.FirstOrDefault();
        var form = $"""
            <form method="get" action="/reports" class="filters no-print" id="report-form">
            <label>年度 <input type="number" name="year" min="2008" max="2200" value="{E(year ?? (time.Today().Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}" required></label>
            <label>机关 <select name="agency">{Options(visible.Select(a => (a, a)), chosen)}</select></label>
            <label><input type="checkbox" name="subordinates" value="true"{(subordinates == "true" ? " checked" : "")}> 含下属机关</label>
            <label>表格格式 <select name="layout">{Options([("auto", "按年度"), ("2021", "2021 格式"), ("2019", "2019 格式"), ("pre2019", "2019 年以前")], layout ?? "auto")}</select></label>
            <button type="submit">生成</button></form>
            """;
        if (year is null)
        {
            return Layout.Page(context, "年度报告", form);
        }

        var ask = ReportAsk.Parse(year, chosen, subordinates, layout);
        var (report, last) = await service.ProduceAsync(ask, access, time.Today(), context.RequestAborted);
        var problems = TableValidator.Validate(report, last);
        var checks = problems.Count == 0
            ? "<p class=\"notice\" id=\"checks\">校验通过：各行各列相加一致，一＋二＝三（七）＋四，上年结转一致。</p>"
            : "<div class=\"error\" id=\"checks\"><p>校验发现问题：</p><ul>" + string.Concat(problems.Select(p => $"<li>{E(p.Message)}</li>")) + "</ul></div>";
        var q = $"year={ask.Year}&agency={Uri.EscapeDataString(ask.Agency)}&subordinates={(ask.IncludeSubordinates ? "true" : "false")}&layout={ask.Format?.Code() ?? "auto"}";
        var downloads = "<p class=\"no-print\" id=\"downloads\">下载：" + string.Join(" · ", new[] { "xlsx", "docx", "html", "json" }
            .Select(f => $"<a href=\"/reports/download?{E(q)}&amp;format={f}\">{f.ToUpperInvariant()}</a>")) + "</p>";
        var published = await service.PublishedAsync(ask, context.RequestAborted);
        var publication = published is null
            ? access.Role is Role.Supervisor or Role.Administrator
                ? Form(context, "/reports/publish", $"<input type=\"hidden\" name=\"year\" value=\"{ask.Year}\"><input type=\"hidden\" name=\"agency\" value=\"{E(ask.Agency)}\"><input type=\"hidden\" name=\"subordinates\" value=\"{(ask.IncludeSubordinates ? "true" : "")}\"><input type=\"hidden\" name=\"layout\" value=\"{E(ask.Format?.Code() ?? "auto")}\"><button type=\"submit\">发布（冻结本报告）</button>", "no-print")
                : ""
            : Changes(published, Publication.Changes(published, report));
        var html = HtmlReportRenderer.Render(report);
        var start = html.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length;
        var tables = html[start..html.LastIndexOf("</body>", StringComparison.Ordinal)];
        var body = form + Notice(message) + Error(error) + checks + downloads + publication + $"<p class=\"muted\">{E(report.Format.Label())}</p><article class=\"report\" id=\"report\">{tables}</article>";
        return Layout.Page(context, "年度报告", body);
    }

    private static string Changes(PublishedReport published, IReadOnlyList<CellChange> changes) =>
        $"<section id=\"publication\"><h2>已于 {published.PublishedOn:yyyy-MM-dd} 发布</h2>" + (changes.Count == 0
            ? "<p>重新生成的结果与发布时一致。</p>"
            : "<p>重新生成的结果与发布时不同（如有更正或补录）：</p><ul>" + string.Concat(changes.Select(c => $"<li>{E(c.Message)}</li>")) + "</ul>") + "</section>";

    private static async Task<IResult> Download(HttpContext context, ReportService service, TimeProvider time, string? year, string? agency, string? subordinates, string? layout, string? format)
    {
        var ask = ReportAsk.Parse(year, agency, subordinates, layout);
        var (report, last) = await service.ProduceAsync(ask, context.Access(), time.Today(), context.RequestAborted);
        var rendered = ReportService.Render(report, last, format);
        return Results.File(rendered.Content, rendered.MediaType, rendered.FileName);
    }

    private static async Task<IResult> Publish(HttpContext context, ReportService service, TimeProvider time)
    {
        var form = await WebForms.ReadFormAsync(context);
        var ask = ReportAsk.Parse(form.Raw.GetValueOrDefault("year"), form.Raw.GetValueOrDefault("agency"), form.Raw.GetValueOrDefault("subordinates"), form.Raw.GetValueOrDefault("layout"));
        var q = $"/reports?year={ask.Year}&agency={Uri.EscapeDataString(ask.Agency)}&subordinates={(ask.IncludeSubordinates ? "true" : "false")}&layout={ask.Format?.Code() ?? "auto"}";
        try
        {
            await service.PublishAsync(ask, context.Access(), WebUser.Of(context.User)!.Name, time.Today(), context.RequestAborted);
            return Results.Redirect(q + "&message=" + Uri.EscapeDataString("已发布。"));
        }
        catch (Pipeline.UserError e)
        {
            return Results.Redirect(q + "&error=" + Uri.EscapeDataString(e.Message));
        }
    }
}

using System.Globalization;
using CaseTracker.Agencies;
using CaseTracker.Pipeline;
using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Tables;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Forms;
using CaseTracker.Web.Html;
using static CaseTracker.Web.Html.Html;

namespace CaseTracker.Reports;

/// <summary>The entry form of section 二: one input per cell of the year's layout; every value checked by the layout's rules.</summary>
public static class Section2Pages
{
    public static RouteGroupBuilder MapSection2(this RouteGroupBuilder admin)
    {
        admin.MapGet("/section2", async (HttpContext c, AgencyDirectory agencies, Section2Figures figures, string? agency, string? year) =>
            await Page(c, agencies, figures, agency, year, null, null));
        admin.MapPost("/section2", async (HttpContext c, AgencyDirectory agencies, Section2Figures figures) =>
        {
            var form = await WebForms.ReadFormAsync(c);
            var (agency, year) = (form.Text("agency", "机关", 200), form.Int("year", "年度", 2019, 2200));
            try
            {
                var entered = Template(agency, year);
                for (var t = 0; t < entered.Tables.Length; t++)
                {
                    var table = entered.Tables[t];
                    for (var r = 0; r < table.Rows.Length; r++)
                    {
                        for (var col = 0; col < table.Columns.Length; col++)
                        {
                            var key = Cell(t, r, col);
                            var label = $"{table.Caption}·{table.Rows[r].Label}·{table.Columns[col].Label}";
                            if (form.Optional(key, label, 30) is { } text)
                            {
                                var value = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : throw new UserError(key, $"{label}：“{text}”不是数字。");
                                var (result, error) = entered.With(table.Caption, table.Rows[r].Label, table.Columns[col].Label, value);
                                entered = result ?? throw new UserError(key, error!);
                            }
                        }
                    }
                }

                await figures.SaveAsync(entered, WebUser.Of(c.User)!.Name, c.RequestAborted);
                return await Page(c, agencies, figures, agency, year.ToString(CultureInfo.InvariantCulture), "已保存。", null);
            }
            catch (UserError e)
            {
                return await Page(c, agencies, figures, agency, year.ToString(CultureInfo.InvariantCulture), null, e.Message, form.Raw, 400);
            }
        });
        return admin;
    }

    private static ProactiveDisclosure Template(string agency, int year) =>
        ReportFormats.ForYear(year) is var format && format != ReportFormat.Pre2019
            ? ProactiveLayout.Template(agency, year, format)
            : throw new UserError("year", "年度：2019 年以前的报告没有统一的主动公开情况表。");

    private static string Cell(int table, int row, int column) => $"c{table}_{row}_{column}";

    private static async Task<IResult> Page(HttpContext context, AgencyDirectory agencies, Section2Figures figures, string? agency, string? year,
        string? message, string? error, IReadOnlyDictionary<string, string?>? values = null, int status = 200)
    {
        var names = (await agencies.ListAsync(context.RequestAborted)).Select(a => a.Name).Order(StringComparer.Ordinal).ToList();
        var y = int.TryParse(year, out var parsed) ? parsed : DateTime.Now.Year - 1;
        var chosen = agency ?? names.FirstOrDefault() ?? "";
        var pick = $"""
            <form method="get" action="/admin/section2" class="filters"><label>机关 <select name="agency">{Options(names.Select(n => (n, n)), chosen)}</select></label>
            <label>年度 <input type="number" name="year" min="2019" max="2200" value="{y}"></label><button type="submit">打开</button></form>
            """;
        var template = Template(chosen, y);
        var stored = await figures.FindAsync(chosen, y, context.RequestAborted);
        var last = await figures.FindAsync(chosen, y - 1, context.RequestAborted);
        var continuity = stored is not null && last is not null ? ProactiveContinuity.Check(stored, last) : [];
        var grid = string.Concat(template.Tables.Select((table, t) =>
            $"<h2>{E(table.Caption)}</h2>" + Table([.. new[] { "" }.Concat(table.Columns.Select(c => c.Label))], table.Rows.Select((row, r) => (IReadOnlyList<string>)
                [E(row.Label), .. table.Columns.Select((col, c) =>
                {
                    var key = Cell(t, r, c);
                    var value = values?.GetValueOrDefault(key) ?? stored?.Value(table.Caption, row.Label, col.Label)?.ToString(CultureInfo.InvariantCulture);
                    return $"<input name=\"{key}\" value=\"{E(value)}\" inputmode=\"decimal\" size=\"8\" aria-label=\"{E($"{table.Caption}·{row.Label}·{col.Label}")}\">";
                })]))));
        var form = Form(context, "/admin/section2", $"<input type=\"hidden\" name=\"agency\" value=\"{E(chosen)}\"><input type=\"hidden\" name=\"year\" value=\"{y}\">{grid}<p><button type=\"submit\">保存</button></p>");
        var warnings = continuity.Count == 0 ? "" : "<div class=\"error\"><p>与上年数据不衔接：</p><ul>" + string.Concat(continuity.Select(w => $"<li>{E(w)}</li>")) + "</ul></div>";
        return Layout.Page(context, $"主动公开情况（第二部分）：{chosen} {y} 年", pick + Notice(message) + Error(error) + warnings + form, status);
    }
}

using System.Globalization;
using CaseTracker.Agencies;
using CaseTracker.Pipeline;
using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Tables;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;
using CaseTracker.Web.Forms;

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
                                var value = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
                                    ? v
                                    : throw new UserError(key, $"{label}：“{text}”不是数字。");
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

    public static string Cell(int table, int row, int column) => $"c{table}_{row}_{column}";

    private static async Task<IResult> Page(HttpContext context, AgencyDirectory agencies, Section2Figures figures, string? agency, string? year,
        string? message, string? error, IReadOnlyDictionary<string, string?>? values = null, int status = 200)
    {
        var names = (await agencies.ListAsync(context.RequestAborted)).Select(a => a.Name).Order(StringComparer.Ordinal).ToList();
        var y = int.TryParse(year, out var parsed) ? parsed : context.RequestServices.GetRequiredService<TimeProvider>().Today().Year - 1;
        var chosen = agency ?? names.FirstOrDefault() ?? "";
        var template = Template(chosen, y);
        var stored = await figures.FindAsync(chosen, y, context.RequestAborted);
        var last = await figures.FindAsync(chosen, y - 1, context.RequestAborted);
        var continuity = stored is not null && last is not null ? ProactiveContinuity.Check(stored, last) : [];
        return PageResult.Of<Section2Page>(new
        {
            Agencies = names,
            Agency = chosen,
            Year = y,
            Template = template,
            Stored = stored,
            Values = values,
            Continuity = continuity,
            Message = message,
            Error = error,
        }, status);
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Rendering.Grid;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Rendering;

/// <summary>The statistical tables as a printable HTML page in the official layout (merged header cells).</summary>
public static class HtmlReportRenderer
{
    private const string Style = """
        body { font-family: "SimSun", "Songti SC", "WenQuanYi Micro Hei", serif; margin: 2em; }
        h1 { text-align: center; font-size: 20pt; }
        h2 { font-size: 14pt; margin-top: 1.5em; }
        table { border-collapse: collapse; margin: 0.5em 0 1em; page-break-inside: avoid; }
        th, td { border: 1px solid #000; padding: 2px 6px; font-size: 10.5pt; }
        th { font-weight: normal; text-align: center; }
        td { text-align: right; min-width: 3em; }
        p.as-of { text-align: right; color: #444; }
        @page { size: A4 landscape; margin: 15mm; }
        @media print { body { margin: 0; } }
        """;

    public static string Render(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var title = Encode($"{report.Agency}{report.Year}年政府信息公开工作年度报告");
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n"
            + $"<style>\n{Style}\n</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{title}</h1>\n");
        if (report.AsOf is { } asOf)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"as-of\">数据截至{asOf:yyyy年M月d日}</p>\n");
        }

        if (report.Format != ReportFormat.Pre2019)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{ReportGrids.Section2Title}</h2>\n");
            var section2 = report.Section2 ?? ProactiveLayout.Template(report.Agency, report.Year, report.Format);
            foreach (var table in section2.Tables)
            {
                Table(html, ReportGrids.Section2(table, blank: report.Section2 is null));
            }
        }

        foreach (var grid in new[] { ReportGrids.Section3(report), ReportGrids.Section4(report) })
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(grid.Title)}</h2>\n");
            Table(html, grid);
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>One grid as an HTML table: each cell written once, at its top-left corner, with rowspan/colspan.</summary>
    public static void Table(StringBuilder html, TableGrid grid)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(grid);
        html.Append("<table>\n");
        for (var r = 0; r < grid.RowCount; r++)
        {
            html.Append("<tr>");
            foreach (var cell in grid.Cells.Where(c => c.Row == r).OrderBy(c => c.Column))
            {
                var tag = cell.IsHeader ? "th" : "td";
                var spans = (cell.RowSpan > 1 ? $" rowspan=\"{cell.RowSpan}\"" : "") + (cell.ColumnSpan > 1 ? $" colspan=\"{cell.ColumnSpan}\"" : "");
                html.Append(CultureInfo.InvariantCulture, $"<{tag}{spans}>{Encode(cell.Text)}</{tag}>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

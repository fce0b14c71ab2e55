using System.Globalization;
using System.Text;
using CaseTracker.Reporting.Rendering.Grid;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Rendering;

/// <summary>The statistical tables in Markdown (no merged cells: each row carries its full label).</summary>
public static class MarkdownReportRenderer
{
    public static string Render(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {report.Agency}{report.Year}年政府信息公开工作年度报告（统计表）\n\n");
        if (report.AsOf is { } asOf)
        {
            md.Append(CultureInfo.InvariantCulture, $"数据截至{asOf:yyyy年M月d日}。\n\n");
        }

        if (report.Section2 is { } section2)
        {
            md.Append(CultureInfo.InvariantCulture, $"## {ReportGrids.Section2Title}\n\n");
            foreach (var table in section2.Tables)
            {
                md.Append(CultureInfo.InvariantCulture, $"**{table.Caption}**\n\n");
                Row(md, ["信息内容", .. table.Columns.Select(c => c.Label)]);
                Row(md, [.. Enumerable.Repeat("---", table.Columns.Length + 1)]);
                foreach (var row in table.Rows)
                {
                    Row(md, [row.Label, .. row.Values.Select(ReportGrids.Show)]);
                }

                md.Append('\n');
            }
        }

        md.Append(CultureInfo.InvariantCulture, $"## {ReportGrids.Section3Title}\n\n{ReportGrids.IdentityNote}\n\n");
        Row(md, ["项目", .. ApplicantColumns.Labels]);
        Row(md, [.. Enumerable.Repeat("---", ApplicantColumns.Labels.Count + 1)]);
        foreach (var row in report.Section3.Rows)
        {
            Row(md, [row.Label, .. row.Values.Select(v => v.ToString(CultureInfo.InvariantCulture))]);
        }

        md.Append(CultureInfo.InvariantCulture, $"\n## {ReportGrids.Section4Title}\n\n");
        Row(md, ["项目", .. Section4Layout.Columns]);
        Row(md, [.. Enumerable.Repeat("---", Section4Layout.Columns.Count + 1)]);
        for (var g = 0; g < Section4Layout.Groups.Count; g++)
        {
            Row(md, [Section4Layout.Groups[g], .. report.Section4.Groups[g].Values.Select(v => v.ToString(CultureInfo.InvariantCulture))]);
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, IEnumerable<string> cells) =>
        md.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
}

using System.Globalization;
using System.Text;
using CaseTracker.Reporting.Rendering.Grid;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Rendering;

/// <summary>The statistical tables as CSV in UTF-8 with a byte-order mark (so that Excel opens the Chinese correctly).</summary>
public static class CsvReportRenderer
{
    public static byte[] Render(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        Line(csv, [$"{report.Agency}{report.Year}年政府信息公开工作年度报告"]);
        if (report.Section2 is { } section2)
        {
            Line(csv, [ReportGrids.Section2Title]);
            foreach (var table in section2.Tables)
            {
                Line(csv, [table.Caption, .. table.Columns.Select(c => c.Label)]);
                foreach (var row in table.Rows)
                {
                    Line(csv, [row.Label, .. row.Values.Select(ReportGrids.Show)]);
                }
            }
        }

        Line(csv, [ReportGrids.Section3Title]);
        Line(csv, ["项目", .. ApplicantColumns.Labels]);
        foreach (var row in report.Section3.Rows)
        {
            Line(csv, [row.Label, .. row.Values.Select(v => v.ToString(CultureInfo.InvariantCulture))]);
        }

        Line(csv, [ReportGrids.Section4Title]);
        Line(csv, ["项目", .. Section4Layout.Columns]);
        for (var g = 0; g < Section4Layout.Groups.Count; g++)
        {
            Line(csv, [Section4Layout.Groups[g], .. report.Section4.Groups[g].Values.Select(v => v.ToString(CultureInfo.InvariantCulture))]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields) =>
        csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}

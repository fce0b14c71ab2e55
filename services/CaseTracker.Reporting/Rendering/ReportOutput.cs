using System.Text;
using CaseTracker.Reporting.Rendering.Json;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Rendering;

public enum ReportOutputFormat
{
    Json,
    Html,
    Markdown,
    Csv,
    Xlsx,
    Docx,
}

/// <summary>A rendered report: its bytes, media type and file name (for a download or a file written by the CLI).</summary>
public sealed record RenderedReport(byte[] Content, string MediaType, string FileName);

/// <summary>One entry point for every output format.</summary>
public static class ReportOutput
{
    public static RenderedReport Render(AnnualReport report, ReportOutputFormat format, AnnualReport? lastYear = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var name = $"{report.Agency}{report.Year}年政府信息公开工作年度报告";
        return format switch
        {
            ReportOutputFormat.Json => new(Utf8(JsonReportWriter.Write(report)), "application/json", $"{name}.json"),
            ReportOutputFormat.Html => new(Utf8(HtmlReportRenderer.Render(report)), "text/html; charset=utf-8", $"{name}.html"),
            ReportOutputFormat.Markdown => new(Utf8(MarkdownReportRenderer.Render(report)), "text/markdown; charset=utf-8", $"{name}.md"),
            ReportOutputFormat.Csv => new(CsvReportRenderer.Render(report), "text/csv; charset=utf-8", $"{name}.csv"),
            ReportOutputFormat.Xlsx => new(XlsxReportRenderer.Render(report),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx"),
            ReportOutputFormat.Docx => new(DocxReportRenderer.Render(report, lastYear),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{name}.docx"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "未知的输出格式"),
        };
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

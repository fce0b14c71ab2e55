using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Rendering.Grid;
using CaseTracker.Reporting.Tables;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseTracker.Reporting.Rendering;

/// <summary>
/// A draft of the whole annual report (条例第五十条) as DOCX: the six sections, the tables filled in, the narrative
/// numbers filled in, and 【待填写】 where a writer has to finish the text.
/// </summary>
public static class DocxReportRenderer
{
    public const string ToWrite = "【待填写】";

    public static readonly IReadOnlyList<string> Headings =
    [
        "一、总体情况",
        ReportGrids.Section2Title,
        ReportGrids.Section3Title,
        ReportGrids.Section4Title,
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ];

    public static byte[] Render(AnnualReport report, AnnualReport? lastYear = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(DocxParts.Title($"{report.Agency}{report.Year}年政府信息公开工作年度报告"));
            body.Append(DocxParts.Text("依据《中华人民共和国政府信息公开条例》（以下简称《政府信息公开条例》）第五十条规定，编制本报告。"
                + $"本报告中所列数据的统计期限自{report.Year}年1月1日起至{report.Year}年12月31日止。"));

            body.Append(DocxParts.Heading(Headings[0]));
            body.Append(DocxParts.Text($"{ToWrite}本年度政府信息公开工作的总体情况：主动公开、依申请公开、政府信息管理、平台建设、监督保障等。"));
            body.Append(DocxParts.Text(ReportNarrative.Requests(report, lastYear)));
            body.Append(DocxParts.Text(ReportNarrative.Appeals(report)));

            body.Append(DocxParts.Heading(Headings[1]));
            if (report.Format != ReportFormat.Pre2019)
            {
                var section2 = report.Section2 ?? ProactiveLayout.Template(report.Agency, report.Year, report.Format);
                if (report.Section2 is null)
                {
                    body.Append(DocxParts.Text($"{ToWrite}以下各项数据尚未录入。"));
                }

                foreach (var table in section2.Tables)
                {
                    body.Append(DocxParts.Table(ReportGrids.Section2(table, blank: report.Section2 is null)));
                }
            }
            else
            {
                body.Append(DocxParts.Text($"{ToWrite}本年度主动公开政府信息的情况（2019年以前没有全国统一的表格）。"));
            }

            body.Append(DocxParts.Heading(Headings[2]));
            body.Append(DocxParts.Table(ReportGrids.Section3(report)));
            body.Append(DocxParts.Heading(Headings[3]));
            body.Append(DocxParts.Table(ReportGrids.Section4(report)));
            body.Append(DocxParts.Heading(Headings[4]));
            body.Append(DocxParts.Text($"{ToWrite}存在的主要问题及改进情况。"));
            body.Append(DocxParts.Heading(Headings[5]));
            body.Append(DocxParts.Text(report.Section6 is { } fees
                ? fees.Sentence(report.Year)
                : $"{ToWrite}本年度信息处理费收取情况（发出收费通知的件数和总金额，以及实际收取的总金额）。"));
            body.Append(DocxParts.Text($"{ToWrite}其他需要报告的事项。"));
            body.Append(DocxParts.Landscape());
        }

        return stream.ToArray();
    }
}

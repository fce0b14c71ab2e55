using CaseTracker.Reporting.Rendering;
using CaseTracker.Reporting.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CaseTracker.Reporting.Tests;

public class OfficeRendererTests
{
    [Fact]
    public void Xlsx_puts_section_three_numbers_in_the_right_cells_under_merged_headers()
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(XlsxReportRenderer.Render(Reports.District2023)), false);
        var sheet = Sheet(workbook, "三、收到和处理政府信息公开申请情况");

        Assert.Equal("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", Value(sheet, "A2"));
        Assert.Equal("一、本年新收政府信息公开申请数量", Value(sheet, "A5"));
        Assert.Equal(["1283", "21", "0", "0", "2", "202", "1508"], new[] { "D5", "E5", "F5", "G5", "H5", "I5", "J5" }.Select(a => Value(sheet, a)));
        Assert.Equal("71", Value(sheet, "J6"));
        Assert.Equal("三、本年度办理结果", Value(sheet, "A7"));
        Assert.Equal("678", Value(sheet, "J7"));
        Assert.Equal("（七）总计", Value(sheet, "B28"));
        Assert.Equal("1538", Value(sheet, "J28"));
        Assert.Equal("41", Value(sheet, "D29"));
        Assert.Equal(CellValues.Number, sheet.Descendants<Cell>().Single(c => c.CellReference == "J5").DataType!.Value);
        var merges = sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value).ToList();
        Assert.Contains("A2:C4", merges);
        Assert.Contains("D2:J2", merges);
        Assert.Contains("D3:D4", merges);
        Assert.Contains("E3:I3", merges);
        Assert.Contains("J3:J4", merges);
        Assert.Contains("A7:A28", merges);
        Assert.Contains("B9:B16", merges);
        Assert.Contains("A5:C5", merges);
    }

    [Fact]
    public void Xlsx_puts_section_four_and_section_two_in_their_own_sheets()
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(XlsxReportRenderer.Render(Reports.District2023)), false);
        var section4 = Sheet(workbook, "四、政府信息公开行政复议、行政诉讼情况");
        var section2 = Sheet(workbook, "二、主动公开政府信息情况");

        Assert.Equal(["138", "8", "92", "8", "246", "15", "0", "1", "1", "17", "9", "0", "0", "1", "10"],
            "ABCDEFGHIJKLMNO".Select(c => Value(section4, $"{c}5")));
        Assert.Contains("F2:O2", section4.Descendants<MergeCell>().Select(m => m.Reference!.Value));
        Assert.Equal("第二十条第（一）项", Value(section2, "A2"));
        Assert.Equal("行政规范性文件", Value(section2, "A5"));
        Assert.Equal("113", Value(section2, "D5"));
        Assert.Equal("行政事业性收费", Value(section2, "A18"));
        Assert.Equal("14828.7092", Value(section2, "B18"));
    }

    [Fact]
    public void Docx_is_a_draft_with_the_six_sections_the_tables_and_the_numbers_of_the_narrative()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(DocxReportRenderer.Render(Reports.District2023, Reports.District2022)), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();

        Assert.Equal("北京市西城区人民政府2023年政府信息公开工作年度报告", paragraphs[0]);
        Assert.Equal(
            ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"],
            paragraphs.Where(p => p.Length > 1 && "一二三四五六".Contains(p[0], StringComparison.Ordinal) && p[1] == '、'));
        Assert.Contains("2023年，北京市西城区人民政府共新收政府信息公开申请1508件，上年结转71件；办结1538件，其中予以公开678件，部分公开157件，不予公开97件，无法提供471件，不予处理90件，其他处理45件；结转下年度继续办理41件。新收申请数量比上年（89件）增加1419件，增长1594.38%。", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("【待填写】", StringComparison.Ordinal));
        var tables = body.Elements<W.Table>().ToList();
        Assert.Equal(6, tables.Count);
        var section3 = tables[4];
        var received = section3.Elements<W.TableRow>().Single(r => r.Elements<W.TableCell>().First().InnerText == "一、本年新收政府信息公开申请数量");
        Assert.Equal(["1283", "21", "0", "0", "2", "202", "1508"], received.Elements<W.TableCell>().Skip(1).Select(c => c.InnerText));
        var corner = section3.Elements<W.TableRow>().First().Elements<W.TableCell>().First();
        Assert.Equal(3, corner.TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Equal(W.MergedCellValues.Restart, corner.TableCellProperties.VerticalMerge!.Val!.Value);
        Assert.Equal("10", tables[5].Elements<W.TableRow>().Last().Elements<W.TableCell>().Last().InnerText);
    }

    [Fact]
    public void Docx_without_last_year_says_no_change_and_without_section_two_leaves_it_to_fill_in()
    {
        var report = Reports.District2023 with { Section2 = null };

        using var document = WordprocessingDocument.Open(new MemoryStream(DocxReportRenderer.Render(report)), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;

        Assert.DoesNotContain("比上年", text, StringComparison.Ordinal);
        Assert.Contains("【待填写】以下各项数据尚未录入。", text, StringComparison.Ordinal);
        Assert.Contains("本年因政府信息公开引发行政复议246件（结果维持138件、结果纠正8件、其他结果92件、尚未审结8件），行政诉讼27件（未经复议直接起诉17件、复议后起诉10件）。", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_and_docx_are_valid_office_open_xml()
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(XlsxReportRenderer.Render(Reports.District2020)), false);
        using var document = WordprocessingDocument.Open(new MemoryStream(DocxReportRenderer.Render(Reports.District2020)), false);

        var validator = new OpenXmlValidator();

        Assert.Empty(validator.Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Empty(validator.Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    [Fact]
    public void A_pre_2019_report_renders_without_section_two_tables_and_says_so()
    {
        var report = Counting.AnnualReports.Produce([], new(Agencies.WholeDistrict, 2018, new DateOnly(2019, 1, 31)));

        using var document = WordprocessingDocument.Open(new MemoryStream(DocxReportRenderer.Render(report)), false);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(XlsxReportRenderer.Render(report)), false);

        Assert.Contains("【待填写】本年度主动公开政府信息的情况（2019年以前没有全国统一的表格）。", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        Assert.Equal(2, document.MainDocumentPart.Document.Body.Elements<W.Table>().Count());
        Assert.Equal(["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"],
            workbook.WorkbookPart!.Workbook!.Descendants<Sheet>().Select(s => s.Name!.Value));
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    private static Worksheet Sheet(SpreadsheetDocument workbook, string name)
    {
        var sheet = workbook.WorkbookPart!.Workbook!.Descendants<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet!;
    }

    private static string Value(Worksheet sheet, string reference)
    {
        var cell = sheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue!.Text;
    }
}

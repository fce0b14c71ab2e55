using CaseTracker.Reporting.Rendering;
using CaseTracker.Reporting.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace CaseTracker.Reporting.Tests;

/// <summary>The report workbook prints legibly: A4 landscape, one page wide, its area and header rows named, labels wrapped.</summary>
public class XlsxPrintSetupTests
{
    [Fact]
    public void Every_sheet_prints_on_A4_landscape_one_page_wide_with_its_header_rows_repeated()
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(XlsxReportRenderer.Render(Reports.District2023)), false);
        var sheets = workbook.WorkbookPart!.Workbook!.Descendants<Sheet>().ToList();
        Assert.Equal(3, sheets.Count);
        foreach (var sheet in sheets)
        {
            var worksheet = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet!;
            var setup = worksheet.Elements<PageSetup>().Single();
            Assert.Equal(9u, setup.PaperSize!.Value);
            Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
            Assert.Equal(1u, setup.FitToWidth!.Value);
            Assert.Equal(0u, setup.FitToHeight!.Value);
            Assert.True(worksheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
        }

        var names = workbook.WorkbookPart.Workbook.Descendants<DefinedName>().ToDictionary(n => (n.Name!.Value!, n.LocalSheetId!.Value), n => n.Text);
        // Section 三 is sheet 2: title on row 1, the table on rows 2–29 (A2:C4 the merged corner, so rows 2–4 are the header).
        Assert.Equal("'三、收到和处理政府信息公开申请情况'!$A$1:$J$29", names[("_xlnm.Print_Area", 1u)]);
        Assert.Equal("'三、收到和处理政府信息公开申请情况'!$1:$4", names[("_xlnm.Print_Titles", 1u)]);
        Assert.Equal(6, names.Count);
        Assert.Empty(new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    [Fact]
    public void Labels_wrap_in_their_cells()
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(XlsxReportRenderer.Render(Reports.District2023)), false);
        var formats = workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var sheet = workbook.WorkbookPart.Workbook!.Descendants<Sheet>().Single(s => s.Name == "三、收到和处理政府信息公开申请情况");
        var worksheet = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet!;
        var label = worksheet.Descendants<Cell>().Single(c => c.CellReference == "A5");
        Assert.True(formats[(int)label.StyleIndex!.Value].Alignment!.WrapText!.Value);
    }
}

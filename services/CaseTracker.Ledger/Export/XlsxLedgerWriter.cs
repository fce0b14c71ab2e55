using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseTracker.Ledger.Export;

/// <summary>
/// One sheet written row by row (SAX): a bold header row frozen at the top, dates as real date cells (number format
/// yyyy-mm-dd), whole numbers as numbers, everything else as inline strings.
/// </summary>
public static class XlsxLedgerWriter
{
    private const uint BoldStyle = 1;
    private const uint DateStyle = 2;

    public static void Write(Stream stream, string sheetName, IReadOnlyList<string> header, IEnumerable<IEnumerable<LedgerValue>> rows)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        WriteSheet(sheet, header, rows);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
        workbook.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, IReadOnlyList<string> header, IEnumerable<IEnumerable<LedgerValue>> rows)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(new Column { Min = 1, Max = (uint)header.Count, Width = 14, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(new Row { RowIndex = 1 });
        foreach (var name in header)
        {
            writer.WriteElement(Text(name, BoldStyle));
        }

        writer.WriteEndElement();
        uint index = 1;
        foreach (var row in rows)
        {
            writer.WriteStartElement(new Row { RowIndex = ++index });
            foreach (var value in row)
            {
                writer.WriteElement(Cell(value));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static Cell Cell(LedgerValue value)
    {
        if (value.Date is { } date)
        {
            var serial = date.ToDateTime(TimeOnly.MinValue).ToOADate();
            return new Cell { StyleIndex = DateStyle, CellValue = new CellValue(serial) };
        }

        return value.Number is { } number ? new Cell { CellValue = new CellValue(number) } : Text(value.Text, 0);
    }

    private static Cell Text(string text, uint style) => new()
    {
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true })
        { Count = 3 });
}

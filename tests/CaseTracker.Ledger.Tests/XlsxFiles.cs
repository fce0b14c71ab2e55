using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseTracker.Ledger.Tests;

/// <summary>A value for a test workbook cell: text goes to the shared strings, or inline when asked.</summary>
internal abstract record XCell
{
    public sealed record Shared(string Text) : XCell;

    public sealed record Inline(string Text) : XCell;

    public sealed record Number(double Value) : XCell;

    /// <summary>An Excel date: the serial number with a date number format (built-in 14, or a custom Chinese format).</summary>
    public sealed record Date(DateOnly Value, bool ChineseFormat = false) : XCell;

    /// <summary>A shared string in rich-text runs, followed by a phonetic (furigana) run that is not part of the text.</summary>
    public sealed record Rich(string[] Runs, string Phonetic) : XCell;

    /// <summary>A date cell given by its raw serial number (to test the 1904 date system).</summary>
    public sealed record Serial(int Value) : XCell;

    /// <summary>A formula with its cached text result (type str), as Excel saves it.</summary>
    public sealed record Formula(string Expression, string Result) : XCell;

    /// <summary>A cell of type d: an ISO 8601 date written as text.</summary>
    public sealed record IsoDate(string Text) : XCell;

    public static implicit operator XCell(string text) => new Shared(text);
}

/// <summary>Workbooks built with the OpenXml DOM, independently of the product's writer.</summary>
internal static class XlsxFiles
{
    public static byte[] Workbook(IReadOnlyList<IReadOnlyList<XCell>> rows, string? secondSheetText = null, bool date1904 = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new WorkbookProperties { Date1904 = date1904 }, new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 170, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }, new CellFormat { NumberFormatId = 170, ApplyNumberFormat = true }) { Count = 3 });
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            AddSheet(workbook, "台账", rows, strings.SharedStringTable);
            if (secondSheetText is not null)
            {
                AddSheet(workbook, "说明", [[secondSheetText]], strings.SharedStringTable);
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, string name, IReadOnlyList<IReadOnlyList<XCell>> rows, SharedStringTable strings)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                row.Append(Cell(rows[r][c], $"{(char)('A' + c)}{r + 1}", strings));
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(sheets.Count() + 1), Name = name });
    }

    private static Cell Cell(XCell value, string reference, SharedStringTable strings) => value switch
    {
        XCell.Shared s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(SharedIndex(strings, s.Text)) },
        XCell.Inline i => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(i.Text)) },
        XCell.Rich r => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(RichIndex(strings, r)) },
        XCell.Formula f => new Cell(new CellFormula(f.Expression), new CellValue(f.Result)) { CellReference = reference, DataType = CellValues.String },
        XCell.IsoDate d => new Cell { CellReference = reference, DataType = CellValues.Date, CellValue = new CellValue(d.Text) },
        XCell.Number n => new Cell { CellReference = reference, CellValue = new CellValue(n.Value) },
        XCell.Date d => new Cell { CellReference = reference, StyleIndex = d.ChineseFormat ? 2u : 1u, CellValue = new CellValue(d.Value.ToDateTime(TimeOnly.MinValue).ToOADate()) },
        XCell.Serial n => new Cell { CellReference = reference, StyleIndex = 1u, CellValue = new CellValue(n.Value) },
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static int RichIndex(SharedStringTable strings, XCell.Rich rich)
    {
        var item = new SharedStringItem(rich.Runs.Select(text => new Run(new RunProperties(new Bold()), new Text(text))));
        item.Append(new PhoneticRun(new Text(rich.Phonetic)) { BaseTextStartIndex = 0, EndingBaseIndex = 1 });
        strings.Append(item);
        return strings.Elements<SharedStringItem>().Count() - 1;
    }

    private static int SharedIndex(SharedStringTable strings, string text)
    {
        var index = 0;
        foreach (var item in strings.Elements<SharedStringItem>())
        {
            if (item.InnerText == text)
            {
                return index;
            }

            index++;
        }

        strings.Append(new SharedStringItem(new Text(text)));
        return index;
    }
}

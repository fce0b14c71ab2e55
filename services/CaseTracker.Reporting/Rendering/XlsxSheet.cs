using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseTracker.Reporting.Rendering;

/// <summary>Cells and merges of one worksheet, written out in row and column order as the format requires.</summary>
internal sealed class XlsxSheet
{
    private readonly SortedDictionary<(int Row, int Column), Cell> _cells = [];
    private readonly List<string> _merges = [];

    public static string Reference(int row, int column) => $"{ColumnName(column)}{row}";

    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    public void Text(int row, int column, string text, uint style) => _cells[(row, column)] = new Cell
    {
        CellReference = Reference(row, column),
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text)),
        StyleIndex = style,
    };

    public void Number(int row, int column, decimal value) => _cells[(row, column)] = new Cell
    {
        CellReference = Reference(row, column),
        DataType = CellValues.Number,
        CellValue = new CellValue(value),
        StyleIndex = XlsxStyles.Number,
    };

    public void Merge(int row, int column, int rowSpan, int columnSpan) =>
        _merges.Add($"{Reference(row, column)}:{Reference(row + rowSpan - 1, column + columnSpan - 1)}");

    public Worksheet ToWorksheet(int width)
    {
        var columns = new Columns(Enumerable.Range(1, width).Select(i =>
            new Column { Min = (uint)i, Max = (uint)i, Width = i <= 3 ? 20 : 10, CustomWidth = true }));
        var data = new SheetData(_cells.GroupBy(c => c.Key.Row).Select(g =>
            new Row(g.Select(c => c.Value)) { RowIndex = (uint)g.Key }));
        var worksheet = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = true }), columns, data);
        if (_merges.Count > 0)
        {
            worksheet.Append(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })));
        }

        // A4 landscape, one page wide (as many pages down as it takes), centred; the print area and the repeated header
        // rows are workbook names (XlsxReportRenderer).
        worksheet.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return worksheet;
    }
}

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
            new Column { Min = (uint)i, Max = (uint)i, Width = i <= 3 ? 18 : 11, CustomWidth = true }));
        var data = new SheetData(_cells.GroupBy(c => c.Key.Row).Select(g =>
            new Row(g.Select(c => c.Value)) { RowIndex = (uint)g.Key }));
        var worksheet = new Worksheet(columns, data);
        if (_merges.Count > 0)
        {
            worksheet.Append(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })));
        }

        return worksheet;
    }
}

namespace CaseTracker.Reporting.Rendering.Grid;

/// <summary>A cell of a printed table, placed at its top-left position, with its merge (rowspan/colspan).</summary>
public sealed record GridCell(int Row, int Column, int RowSpan, int ColumnSpan, string Text, bool IsHeader, decimal? Number = null);

/// <summary>A printed table as the official forms lay it out: merged header cells, then rows of numbers.</summary>
public sealed record TableGrid(string Title, int RowCount, int ColumnCount, IReadOnlyList<GridCell> Cells)
{
    /// <summary>The cell whose top-left corner is at the position, if any.</summary>
    public GridCell? At(int row, int column) => Cells.FirstOrDefault(c => c.Row == row && c.Column == column);

    /// <summary>The cell that covers the position (its own or a merged one).</summary>
    public GridCell? Covering(int row, int column) => Cells.FirstOrDefault(c =>
        row >= c.Row && row < c.Row + c.RowSpan && column >= c.Column && column < c.Column + c.ColumnSpan);
}

using System.Collections.Immutable;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Proactive;

/// <summary>A column of a section 二 sub-table. Amounts (万元) are decimals; every other column is a whole number.</summary>
public sealed record ProactiveColumn(string Label, bool IsAmount);

/// <summary>One row: its printed label (a local sub-row is "group/sub-row") and one value per column.</summary>
public sealed record ProactiveRow(string Label, ImmutableArray<decimal> Values);

/// <summary>One sub-table of section 二, e.g. 第二十条第（一）项.</summary>
public sealed record ProactiveTable(string Caption, ImmutableArray<ProactiveColumn> Columns, ImmutableArray<ProactiveRow> Rows)
{
    public ProactiveRow? Row(string label) => Rows.FirstOrDefault(r => r.Label == label);

    public int ColumnIndex(string label) => Columns.Select(c => c.Label).ToList().IndexOf(label);
}

/// <summary>
/// Section 二 (主动公开政府信息情况) of one agency (or a whole area) for one year, in that year's format. The figures
/// come from other systems: agencies record them by an entry form or an import.
/// </summary>
public sealed record ProactiveDisclosure(string Agency, int Year, ReportFormat Format, ImmutableArray<ProactiveTable> Tables)
{
    public ProactiveTable? Table(string caption) => Tables.FirstOrDefault(t => t.Caption == caption);

    public decimal? Value(string caption, string row, string column) =>
        Table(caption) is { } t && t.Row(row) is { } r && t.ColumnIndex(column) is var c and >= 0 ? r.Values[c] : null;

    /// <summary>The same figures with one cell set, or the reason (in Chinese) the cell does not exist or the value is not allowed.</summary>
    public (ProactiveDisclosure? Result, string? Error) With(string caption, string row, string column, decimal value)
    {
        var table = Table(caption);
        if (table is null)
        {
            return (null, $"{Format.Label()}的主动公开情况没有“{caption}”。");
        }

        var rowIndex = table.Rows.Select(r => r.Label).ToList().IndexOf(row);
        var columnIndex = table.ColumnIndex(column);
        if (rowIndex < 0 || columnIndex < 0)
        {
            return (null, $"“{caption}”没有“{row}”行的“{column}”栏。");
        }

        var spec = table.Columns[columnIndex];
        if (!spec.IsAmount && decimal.Truncate(value) != value)
        {
            return (null, $"“{caption}”·“{row}”·“{column}”应填写整数，填写的是{value}。");
        }

        if (value < 0 && !ProactiveLayout.AllowsNegative(spec.Label))
        {
            return (null, $"“{caption}”·“{row}”·“{column}”不能为负数，填写的是{value}。");
        }

        var newRow = table.Rows[rowIndex] with { Values = table.Rows[rowIndex].Values.SetItem(columnIndex, value) };
        var newTable = table with { Rows = table.Rows.SetItem(rowIndex, newRow) };
        return (this with { Tables = Tables.Replace(table, newTable) }, null);
    }

    /// <summary>A whole area's figures: the agencies' figures added cell by cell (rows and columns matched by label).</summary>
    public static ProactiveDisclosure Sum(
        string agency, int year, ReportFormat format, IEnumerable<ProactiveDisclosure> parts, IReadOnlyList<string>? localRows = null)
    {
        var total = ProactiveLayout.Template(agency, year, format, localRows);
        foreach (var part in parts.Where(p => p.Format == format))
        {
            foreach (var table in part.Tables)
            {
                foreach (var row in table.Rows)
                {
                    for (var c = 0; c < table.Columns.Length; c++)
                    {
                        var current = total.Value(table.Caption, row.Label, table.Columns[c].Label);
                        if (current is { } sum)
                        {
                            total = total.With(table.Caption, row.Label, table.Columns[c].Label, sum + row.Values[c]).Result ?? total;
                        }
                    }
                }
            }
        }

        return total;
    }
}

using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Rendering.Grid;

/// <summary>The official layouts of sections 二, 三 and 四 as grids, shared by the HTML, XLSX and DOCX renderers.</summary>
public static class ReportGrids
{
    public const string Section2Title = "二、主动公开政府信息情况";
    public const string Section3Title = "三、收到和处理政府信息公开申请情况";
    public const string Section4Title = "四、政府信息公开行政复议、行政诉讼情况";
    public const string IdentityNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    public static TableGrid Section3(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        const int labels = 3;
        var cells = new List<GridCell>
        {
            new(0, 0, 3, labels, IdentityNote, true),
            new(0, labels, 1, 7, "申请人情况", true),
            new(1, labels, 2, 1, ApplicantColumns.Labels[0], true),
            new(1, labels + 1, 1, 5, ApplicantColumns.Organizations, true),
            new(1, labels + 6, 2, 1, ApplicantColumns.Total, true),
        };
        cells.AddRange(ApplicantColumns.Labels.Skip(1).Take(5).Select((l, i) => new GridCell(2, labels + 1 + i, 1, 1, l, true)));
        var rows = report.Section3.Rows;
        cells.AddRange(LabelColumns.Place([.. rows.Select(r => (IReadOnlyList<string>)r.Label.Split('/'))], 3, labels));
        for (var r = 0; r < rows.Length; r++)
        {
            cells.AddRange(rows[r].Values.Select((v, c) => Number(3 + r, labels + c, v)));
        }

        return new TableGrid(Section3Title, 3 + rows.Length, labels + 7, cells);
    }

    public static TableGrid Section4(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cells = new List<GridCell>
        {
            new(0, 0, 1, 5, Section4Layout.Reconsideration, true),
            new(0, 5, 1, 10, Section4Layout.Lawsuit, true),
            new(1, 5, 1, 5, "未经复议直接起诉", true),
            new(1, 10, 1, 5, "复议后起诉", true),
        };
        cells.AddRange(Section4Layout.Columns.Select((c, i) => new GridCell(1, i, 2, 1, c, true)));
        cells.AddRange(Section4Layout.Columns.Select((c, i) => new GridCell(2, 5 + i, 1, 1, c, true)));
        cells.AddRange(Section4Layout.Columns.Select((c, i) => new GridCell(2, 10 + i, 1, 1, c, true)));
        cells.AddRange(report.Section4.Cells().Select((p, i) => Number(3, i, p.Value)));
        return new TableGrid(Section4Title, 4, 15, cells);
    }

    /// <summary>One sub-table of section 二; <paramref name="blank"/> leaves the numbers empty (a form to fill in).</summary>
    public static TableGrid Section2(ProactiveTable table, bool blank = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        var paths = table.Rows.Select(r => (IReadOnlyList<string>)r.Label.Split('/')).ToList();
        var labels = Math.Max(1, paths.Max(p => p.Count));
        var width = labels + table.Columns.Length;
        var cells = new List<GridCell>
        {
            new(0, 0, 1, width, table.Caption, true),
            new(1, 0, 1, labels, "信息内容", true),
        };
        cells.AddRange(table.Columns.Select((c, i) => new GridCell(1, labels + i, 1, 1, c.Label, true)));
        cells.AddRange(LabelColumns.Place(paths, 2, labels));
        for (var r = 0; r < table.Rows.Length; r++)
        {
            for (var c = 0; c < table.Columns.Length; c++)
            {
                var value = table.Rows[r].Values[c];
                // 本年增/减 is printed with its sign, as the published reports do ("+33").
                var text = table.Columns[c].Label == ProactiveLayout.Change && value > 0 ? $"+{Show(value)}" : Show(value);
                cells.Add(blank ? new GridCell(2 + r, labels + c, 1, 1, "", false) : new GridCell(2 + r, labels + c, 1, 1, text, false, value));
            }
        }

        return new TableGrid(table.Caption, 2 + table.Rows.Length, width, cells);
    }

    public static string Show(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static GridCell Number(int row, int column, int value) => new(row, column, 1, 1, Show(value), false, value);
}

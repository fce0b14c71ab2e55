using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Rendering.Grid;
using CaseTracker.Reporting.Tables;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseTracker.Reporting.Rendering;

/// <summary>
/// The statistical tables as an XLSX workbook, one sheet per section, in the official layout with merged cells.
/// On each sheet row 1 is the title and the table starts on row 2 (section 三: the row 一 is on row 5, columns D–J).
/// </summary>
public static class XlsxReportRenderer
{
    public static byte[] Render(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var title = $"{report.Agency}{report.Year}年政府信息公开工作年度报告";
            var print = new List<(string Sheet, string Area, string Titles)>();
            if (report.Format != ReportFormat.Pre2019)
            {
                var section2 = report.Section2 ?? ProactiveLayout.Template(report.Agency, report.Year, report.Format);
                print.Add(AddSheet(workbook, sheets, ReportGrids.Section2Title, title,
                    [.. section2.Tables.Select(t => ReportGrids.Section2(t, blank: report.Section2 is null))]));
            }

            print.Add(AddSheet(workbook, sheets, ReportGrids.Section3Title, title, [ReportGrids.Section3(report)]));
            print.Add(AddSheet(workbook, sheets, ReportGrids.Section4Title, title, [ReportGrids.Section4(report)]));
            workbook.Workbook.Append(new DefinedNames(print.SelectMany((p, index) => PrintNames(p.Sheet, p.Area, p.Titles, index))));
        }

        return stream.ToArray();
    }

    /// <summary>The sheet's print area and the rows repeated at the top of every printed page.</summary>
    private static IEnumerable<DefinedName> PrintNames(string sheet, string area, string titles, int index)
    {
        var quoted = $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'";
        yield return new DefinedName($"{quoted}!{area}") { Name = "_xlnm.Print_Area", LocalSheetId = (uint)index };
        yield return new DefinedName($"{quoted}!{titles}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)index };
    }

    /// <summary>How many rows at the top of a grid are header cells from edge to edge (repeated on each printed page).</summary>
    private static int HeaderRows(TableGrid grid)
    {
        var rows = 0;
        while (rows < grid.RowCount && Enumerable.Range(0, grid.ColumnCount).All(c => grid.Covering(rows, c) is { IsHeader: true }))
        {
            rows++;
        }

        return rows;
    }

    private static (string Sheet, string Area, string Titles) AddSheet(
        WorkbookPart workbook, Sheets sheets, string name, string title, IReadOnlyList<TableGrid> grids)
    {
        var sheet = new XlsxSheet();
        var width = grids.Max(g => g.ColumnCount);
        sheet.Text(1, 0, $"{title}·{name}", XlsxStyles.Title);
        sheet.Merge(1, 0, 1, width);
        var top = 2;
        foreach (var grid in grids)
        {
            foreach (var cell in grid.Cells)
            {
                var row = top + cell.Row;
                for (var r = 0; r < cell.RowSpan; r++)
                {
                    for (var c = 0; c < cell.ColumnSpan; c++)
                    {
                        sheet.Text(row + r, cell.Column + c, "", XlsxStyles.Boxed);
                    }
                }

                if (cell.Number is { } number)
                {
                    sheet.Number(row, cell.Column, number);
                }
                else
                {
                    sheet.Text(row, cell.Column, cell.Text, XlsxStyles.Boxed);
                }

                if (cell.RowSpan > 1 || cell.ColumnSpan > 1)
                {
                    sheet.Merge(row, cell.Column, cell.RowSpan, cell.ColumnSpan);
                }
            }

            top += grid.RowCount + 1;
        }

        var lastRow = top - 2;
        var titleRows = grids.Count == 1 ? 1 + HeaderRows(grids[0]) : 1;
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = sheet.ToWorksheet(width);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
        return (name, $"$A$1:${XlsxSheet.ColumnName(width - 1)}${lastRow}", $"$1:${titleRows}");
    }
}

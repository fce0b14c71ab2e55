using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportGrid = CaseTracker.Reporting.Rendering.Grid.TableGrid;

namespace CaseTracker.Reporting.Rendering;

/// <summary>Paragraphs and tables of the DOCX draft. A merged grid cell becomes gridSpan (columns) and vMerge (rows).</summary>
internal static class DocxParts
{
    public static Paragraph Title(string text) => Para(text, size: 36, bold: true, font: "宋体", centred: true);

    public static Paragraph Heading(string text) => Para(text, size: 32, bold: true, font: "黑体", centred: false);

    public static Paragraph Text(string text)
    {
        var p = Para(text, size: 28, bold: false, font: "仿宋", centred: false);
        p.ParagraphProperties!.Append(new Indentation { FirstLineChars = 200 });
        return p;
    }

    public static SectionProperties Landscape() => new(
        new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
        new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 });

    public static Table Table(ReportGrid grid)
    {
        var border = new EnumValue<BorderValues>(BorderValues.Single);
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new LeftBorder { Val = border, Size = 4 },
                new BottomBorder { Val = border, Size = 4 }, new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })));
        var columnWidth = (14570 / grid.ColumnCount).ToString(System.Globalization.CultureInfo.InvariantCulture);
        table.Append(new TableGrid(Enumerable.Range(0, grid.ColumnCount).Select(_ => new GridColumn { Width = columnWidth })));
        for (var r = 0; r < grid.RowCount; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < grid.ColumnCount;)
            {
                var cell = grid.Covering(r, c);
                if (cell is null)
                {
                    row.Append(Cell("", 1, null));
                    c++;
                    continue;
                }

                var origin = cell.Row == r;
                var merge = cell.RowSpan == 1 ? null : new VerticalMerge { Val = origin ? MergedCellValues.Restart : MergedCellValues.Continue };
                row.Append(Cell(origin ? cell.Text : "", cell.ColumnSpan, merge));
                c = cell.Column + cell.ColumnSpan;
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell Cell(string text, int columnSpan, VerticalMerge? merge)
    {
        // Order of w:tcPr children is fixed by the schema: gridSpan, vMerge, …, vAlign.
        var properties = new TableCellProperties();
        if (columnSpan > 1)
        {
            properties.Append(new GridSpan { Val = columnSpan });
        }

        if (merge is not null)
        {
            properties.Append(merge);
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        return new TableCell(properties, Para(text, size: 18, bold: false, font: "宋体", centred: true));
    }

    private static Paragraph Para(string text, int size, bool bold, string font, bool centred)
    {
        var runProperties = new RunProperties(new RunFonts { EastAsia = font, Ascii = font, HighAnsi = font });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var paragraphProperties = new ParagraphProperties();
        if (centred)
        {
            paragraphProperties.Append(new Justification { Val = JustificationValues.Center });
        }

        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}

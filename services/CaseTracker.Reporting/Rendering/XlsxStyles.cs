using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseTracker.Reporting.Rendering;

/// <summary>The few cell styles the workbook uses: a title, boxed centred text, boxed numbers.</summary>
internal static class XlsxStyles
{
    public const uint Title = 1;
    public const uint Boxed = 2;
    public const uint Number = 3;

    public static Stylesheet Create() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "宋体" })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin },
                new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin },
                new BottomBorder { Style = BorderStyleValues.Thin },
                new DiagonalBorder())),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center }, ApplyAlignment = true },
            new CellFormat
            {
                BorderId = 1,
                ApplyBorder = true,
                Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true },
                ApplyAlignment = true,
            },
            new CellFormat
            {
                BorderId = 1,
                ApplyBorder = true,
                Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Right, Vertical = VerticalAlignmentValues.Center },
                ApplyAlignment = true,
            }));
}

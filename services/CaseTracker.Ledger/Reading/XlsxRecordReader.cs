using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseTracker.Ledger.Reading;

/// <summary>
/// The rows of the first sheet of a workbook, one row at a time (<see cref="XlsxSheetXml"/>): shared strings, inline
/// strings, formula results, numbers, and numbers with a date format (Excel date cells) as dates.
/// </summary>
internal static class XlsxRecordReader
{
    private const int MaxColumns = 16384;

    private sealed record WorkbookFacts(IReadOnlyList<string?> Strings, IReadOnlySet<uint> DateStyles, bool Date1904, int MaxCellLength);

    public static IEnumerable<RawRow> Read(Stream stream, LedgerReadLimits limits)
    {
        CheckPackage(stream, limits);
        var budget = new XlsxBudget(limits.MaxDecompressedBytes);
        using var document = Open(stream);
        var workbook = document.WorkbookPart ?? throw Broken("缺少工作簿");
        var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw Broken("工作簿中没有工作表");
        if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
        {
            throw Broken("第一个工作表不是普通工作表");
        }

        var context = new WorkbookFacts(
            XlsxStyles.SharedStrings(workbook.SharedStringTablePart, limits, budget),
            XlsxStyles.DateStyles(workbook.WorkbookStylesPart),
            workbook.Workbook?.WorkbookProperties?.Date1904?.Value == true,
            limits.MaxCellLength);
        using var xml = XlsxSheetXml.Open(new BoundedXmlStream(part.GetStream(FileMode.Open, FileAccess.Read), budget, limits.MaxMarkupBytes));
        var previous = 0;
        foreach (var (index, cells) in XlsxSheetXml.Rows(xml, limits.MaxCellLength))
        {
            var number = index ?? previous + 1;
            previous = number;
            var row = new RawRow(number, Cells(number, cells, context));
            if (row.Cells.Sum(c => (long)c.Text.Length) > limits.MaxRowLength)
            {
                throw new LedgerReadException(RowTooLong(number, limits));
            }

            yield return row;
        }
    }

    public static LedgerProblem RowTooLong(int row, LedgerReadLimits limits) =>
        new(row, null, $"这一行的单元格合计超过 {limits.MaxRowLength / 1024} K 个字符，文件不像台账，已拒绝读取。");

    /// <summary>
    /// Before anything is unpacked, what the ZIP's directory says: not too many entries, not more unpacked bytes than the
    /// limit in all, and no part that is read as a whole (workbook, styles, relationships) bigger than its limit. The entries
    /// actually read are counted again as they unpack (<see cref="BoundedXmlStream"/>), in case the directory lies.
    /// </summary>
    private static void CheckPackage(Stream stream, LedgerReadLimits limits)
    {
        var start = stream.Position;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > limits.MaxEntries)
            {
                throw Refused($"Excel文件包含 {zip.Entries.Count} 个部件，超过上限 {limits.MaxEntries}");
            }

            var total = 0L;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > limits.MaxDecompressedBytes)
                {
                    throw Refused($"Excel文件解压后超过 {LedgerReadLimits.Megabytes(limits.MaxDecompressedBytes)}（压缩炸弹或过大的工作簿）");
                }

                var name = entry.FullName;
                var streamed = name.Contains("worksheets/", StringComparison.OrdinalIgnoreCase)
                    || name.Contains("sharedStrings", StringComparison.OrdinalIgnoreCase);
                var xmlPart = name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                if (xmlPart && !streamed && entry.Length > limits.MaxSmallPartBytes)
                {
                    throw Refused($"Excel文件的部件“{name}”解压后有 {LedgerReadLimits.Megabytes(entry.Length)}，超过上限 {LedgerReadLimits.Megabytes(limits.MaxSmallPartBytes)}");
                }
            }
        }

        stream.Position = start;
    }

    private static LedgerReadException Refused(string what) =>
        new(new LedgerProblem(null, null, $"{what}，已拒绝读取。请拆分台账后分批导入，或另存为“CSV UTF-8（逗号分隔）”后导入。"));

    private static SpreadsheetDocument Open(Stream stream)
    {
        try
        {
            return SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException
            or ArgumentException or InvalidOperationException)
        {
            throw Broken("文件不是有效的.xlsx工作簿");
        }
    }

    private static List<LedgerCell> Cells(int row, List<XlsxSheetXml.CellXml> xmlCells, WorkbookFacts workbook)
    {
        var cells = new List<LedgerCell>();
        foreach (var cell in xmlCells)
        {
            var column = cell.Reference is { } reference ? ColumnIndex(reference) : cells.Count;
            if (column is < 0 or >= MaxColumns)
            {
                throw Broken($"第{row}行有位置无效的单元格“{cell.Reference}”");
            }

            while (cells.Count <= column)
            {
                cells.Add(LedgerCell.Empty);
            }

            cells[column] = Value(cell, workbook);
        }

        return cells;
    }

    private static LedgerCell Value(XlsxSheetXml.CellXml cell, WorkbookFacts workbook)
    {
        if (cell.TooLong)
        {
            return new LedgerCell("", null, true);
        }

        var raw = cell.Value;
        string? text;
        switch (cell.Type)
        {
            case "s":
                if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= workbook.Strings.Count)
                {
                    return new LedgerCell($"#共享字符串{raw}不存在");
                }

                text = workbook.Strings[index];
                break;
            case "inlineStr":
                text = cell.InlineText ?? "";
                break;
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
                    ? new LedgerCell(raw, DateOnly.FromDateTime(iso))
                    : new LedgerCell(raw);
            case null or "n":
                var isDate = uint.TryParse(cell.Style, NumberStyles.None, CultureInfo.InvariantCulture, out var style) && workbook.DateStyles.Contains(style);
                return Number(raw, isDate, workbook.Date1904);
            default:
                text = raw;
                break;
        }

        return text is null || text.Length > workbook.MaxCellLength ? new LedgerCell("", null, true) : new LedgerCell(text);
    }

    /// <summary>A number, or with a date format the day it counts (1900 date system; 1904 for old Mac workbooks).</summary>
    private static LedgerCell Number(string raw, bool isDate, bool date1904)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return new LedgerCell(raw);
        }

        if (isDate && value is >= 1 and < 2958466)
        {
            var date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(value))).AddDays(date1904 ? 1462 : 0);
            return new LedgerCell(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date);
        }

        return Math.Abs(value) < 1e15 && value == Math.Floor(value)
            ? new LedgerCell(((long)value).ToString(CultureInfo.InvariantCulture))
            : new LedgerCell(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>The zero-based column of a cell reference such as "AB12"; -1 when it is beyond the last column.</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            var letter = char.ToUpperInvariant(c);
            if (letter is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (letter - 'A' + 1);
            if (column > MaxColumns)
            {
                return -1;
            }
        }

        return column - 1;
    }

    private static LedgerReadException Broken(string what) =>
        new(new LedgerProblem(null, null, $"无法读取Excel文件：{what}。请用Excel打开后另存为.xlsx，或另存为“CSV UTF-8（逗号分隔）”后导入。"));
}

using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseTracker.Ledger.Reading;

/// <summary>What a workbook's parts say about its cells: the shared strings, and which cell styles are date formats.</summary>
internal static class XlsxStyles
{
    /// <summary>Built-in number formats that show a date (ECMA-376 §18.8.30, including the East Asian ones).</summary>
    private static readonly HashSet<uint> BuiltInDateFormats =
        [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58];

    /// <summary>The shared strings in order; a string over the size limit is null.</summary>
    public static IReadOnlyList<string?> SharedStrings(SharedStringTablePart? part, LedgerReadLimits limits, XlsxBudget budget)
    {
        var strings = new List<string?>();
        if (part is null)
        {
            return strings;
        }

        using var xml = XlsxSheetXml.Open(new BoundedXmlStream(part.GetStream(FileMode.Open, FileAccess.Read), budget, limits.MaxMarkupBytes));
        var kept = 0L;
        foreach (var text in XlsxSheetXml.SharedStrings(xml, limits.MaxCellLength))
        {
            kept += text?.Length ?? 0;
            if (kept > limits.MaxSharedStringChars)
            {
                throw new LedgerReadException(new(null, null,
                    $"Excel文件的共享字符串共超过 {limits.MaxSharedStringChars / (1024 * 1024)}M 个字符，已拒绝读取。请拆分台账后分批导入，或另存为CSV。"));
            }

            strings.Add(text);
        }

        return strings;
    }

    /// <summary>The indexes of the cell formats (cellXfs) whose number format is a date.</summary>
    public static IReadOnlySet<uint> DateStyles(WorkbookStylesPart? part)
    {
        var result = new HashSet<uint>();
        var stylesheet = part?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats)
        {
            return result;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (BuiltInDateFormats.Contains(id) || (custom.TryGetValue(id, out var code) && IsDateFormat(code)))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    /// <summary>A format code that shows a year or a day (outside quoted text, escapes and [colour]/[locale] sections).</summary>
    public static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                continue;
            }
            else if (c == '\\' || c == '_' || c == '*')
            {
                i++;
            }
            else if (c == '[')
            {
                bracket = true;
            }
            else if (c == ']')
            {
                bracket = false;
            }
            else if (!bracket && c is 'y' or 'Y' or 'd' or 'D')
            {
                return true;
            }
        }

        return false;
    }
}

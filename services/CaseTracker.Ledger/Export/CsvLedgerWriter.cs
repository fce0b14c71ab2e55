using System.Text;

namespace CaseTracker.Ledger.Export;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a BOM (so that Excel opens Chinese text correctly), CRLF line ends. Text that Excel would
/// run as a formula (it starts with = + - @ and is not a number: applicants' own words end up here) is written with a
/// leading apostrophe, which the import takes off again (<see cref="Unguard"/>).
/// </summary>
public static class CsvLedgerWriter
{
    public static void Write(Stream stream, IReadOnlyList<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        WriteLine(writer, header);
        foreach (var row in rows)
        {
            WriteLine(writer, row);
        }
    }

    private static void WriteLine(StreamWriter writer, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var value in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            var cell = Guard(value);
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (cell.Length > 0 && (char.IsWhiteSpace(cell[0]) || char.IsWhiteSpace(cell[^1]))))
            {
                writer.Write('"');
                writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(cell);
            }
        }

        writer.Write("\r\n");
    }

    /// <summary>The text as imported: the apostrophe written before a formula-like cell taken off.</summary>
    public static string Unguard(string text) =>
        text.Length > 1 && text[0] == '\'' && IsFormulaLike(text.AsSpan(1)) ? text[1..] : text;

    private static string Guard(string cell) => IsFormulaLike(cell) ? "'" + cell : cell;

    private static bool IsFormulaLike(ReadOnlySpan<char> text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@'
        && !double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}

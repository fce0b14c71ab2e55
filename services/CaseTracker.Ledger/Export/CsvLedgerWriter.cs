using System.Text;

namespace CaseTracker.Ledger.Export;

/// <summary>RFC 4180 CSV in UTF-8 with a BOM (so that Excel opens Chinese text correctly), CRLF line ends.</summary>
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
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
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
}

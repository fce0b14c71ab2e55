using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CaseTracker.Ledger.Import;

namespace CaseTracker.Benchmarks.Import;

/// <summary>
/// Issue 16, finding 3: the hostile ledger files, each planned in its own process, printing the process's peak working
/// set and what the import said. Numbers only, never asserted.
/// <c>dotnet run -c Release --project tests/CaseTracker.Benchmarks -- hostile</c>.
/// </summary>
public static class HostileLedgerBenchmark
{
    public static readonly string[] Kinds = ["xlsx-shared-string-256mb", "xlsx-1m-invalid-rows", "csv-3m-invalid-rows"];

    private const string Header = "编号,办理机关,收到日期,申请人类型,申请方式";

    public static void Run(string kind, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("hostile-ledger-");
        try
        {
            var file = Path.Combine(folder.FullName, kind + (kind.StartsWith("csv", StringComparison.Ordinal) ? ".csv" : ".xlsx"));
            switch (kind)
            {
                case "xlsx-shared-string-256mb":
                    WriteXlsx(file, SharedString(256 * 1024 * 1024), InvalidRows(1));
                    break;
                case "xlsx-1m-invalid-rows":
                    WriteXlsx(file, _ => { }, InvalidRows(1_000_000));
                    break;
                case "csv-3m-invalid-rows":
                    WriteCsv(file, 3_000_000);
                    break;
                default:
                    throw new ArgumentException($"unknown kind {kind}", nameof(kind));
            }

            var size = new FileInfo(file).Length;
            var started = Stopwatch.StartNew();
            string outcome;
            using (var stream = File.OpenRead(file))
            {
                try
                {
                    var plan = LedgerImporter.Plan(stream, new LedgerImportOptions { FileName = Path.GetFileName(file) });
                    var first = plan.Errors.FirstOrDefault()?.ToString() ?? "";
                    outcome = $"valid={plan.IsValid} rejectedRows={plan.RejectedCount} problemsFound={plan.ProblemCount} problemsKept={plan.Errors.Count()} "
                        + $"first=\"{(first.Length > 80 ? first[..80] + "…" : first)}\"";
                }
                catch (OutOfMemoryException)
                {
                    outcome = "OutOfMemoryException";
                }
            }

            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            output.WriteLine($"{kind}: file {size / 1024:N0} KB, {started.Elapsed.TotalSeconds:F1} s, peak working set {peak:N0} MB; {outcome}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>One &lt;si&gt; whose text is <paramref name="length"/> characters, written in chunks (the zip makes it a few hundred KB).</summary>
    private static Action<TextWriter> SharedString(int length) => writer =>
    {
        var chunk = new string('x', 64 * 1024);
        writer.Write("<si><t>");
        for (var written = 0; written < length; written += chunk.Length)
        {
            writer.Write(chunk);
        }

        writer.Write("</t></si>");
    };

    private static IEnumerable<string> InvalidRows(int count)
    {
        // Row 1 the header as inline strings, then rows whose receipt date is not a date (invalid, four problems each).
        yield return Row(1, "编号", "办理机关", "收到日期", "申请人类型", "申请方式");
        for (var i = 0; i < count; i++)
        {
            yield return Row(i + 2, "", "", "不是日期", "外星人", "信鸽");
        }
    }

    private static string Row(int number, params string[] cells)
    {
        var text = new StringBuilder($"<row r=\"{number}\">");
        foreach (var cell in cells)
        {
            text.Append("<c t=\"inlineStr\"><is><t>").Append(cell).Append("</t></is></c>");
        }

        return text.Append("</row>").ToString();
    }

    private static void WriteXlsx(string path, Action<TextWriter> sharedStrings, IEnumerable<string> rows)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
            """);
        Entry(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Entry(zip, "xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Entry(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
            """);
        using (var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open(), new UTF8Encoding(false)))
        {
            strings.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            sharedStrings(strings);
            strings.Write("</sst>");
        }

        var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal);
        using var writer = new StreamWriter(sheet.Open(), new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        foreach (var row in rows)
        {
            writer.Write(row);
        }

        writer.Write("</sheetData></worksheet>");
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(text.Trim());
    }

    private static void WriteCsv(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header + "\n");
        for (var i = 0; i < rows; i++)
        {
            writer.Write(",,不是日期,外星人,信鸽\n");
        }
    }
}

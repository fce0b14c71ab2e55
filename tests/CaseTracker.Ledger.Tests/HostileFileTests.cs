using System.IO.Compression;
using System.Text;
using CaseTracker.Ledger.Import;
using CaseTracker.Ledger.Reading;

namespace CaseTracker.Ledger.Tests;

/// <summary>
/// Issue 16, finding 3: hostile ledger files are refused or read in bounded memory. Memory is checked by what the reading
/// thread allocates and by what the plan keeps, never by time; the benchmark (<c>hostile</c>) prints peak working sets.
/// </summary>
public class HostileFileTests
{
    private const string Header = "编号,办理机关,收到日期,申请人类型,申请方式";

    [Fact]
    public void A_64_MB_shared_string_is_refused_as_a_too_long_cell_without_ever_being_held()
    {
        var file = RawXlsx.Build(strings => RawXlsx.RepeatedText(strings, 'x', 64 * 1024 * 1024), RawXlsx.SharedStringRow(2));
        Assert.True(file.Length < 1024 * 1024);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var plan = Imports.Plan(file);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var error = Assert.Single(plan.Errors);
        Assert.Equal(2, error.Row);
        Assert.Equal("申请内容", error.Column);
        Assert.StartsWith("单元格内容过长", error.Reason, StringComparison.Ordinal);
        // The string is 64 M characters (128 MB as .NET text); reading it must not allocate even a quarter of that.
        Assert.True(allocated < 32L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MB");
    }

    [Fact]
    public void A_workbook_that_unpacks_to_more_than_the_limit_is_refused_before_it_is_read()
    {
        var file = RawXlsx.Build(strings => RawXlsx.RepeatedText(strings, ' ', 3 * 1024 * 1024), RawXlsx.SharedStringRow(2));

        var error = Imports.Plan(file, Limited(l => l with { MaxDecompressedBytes = 2 * 1024 * 1024 })).SingleError();

        Assert.Null(error.Row);
        Assert.Contains("解压后超过 2 MB", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_of_megabytes_is_refused_not_held()
    {
        var huge = new string('9', 2 * 1024 * 1024);
        var file = RawXlsx.Build(_ => { }, RawXlsx.HeaderRow() + $"<row r=\"2\"><c r=\"A2\" s=\"{huge}\"><v>1</v></c></row>");

        var error = Imports.Plan(file).SingleError();

        Assert.Contains("超过 64 KB 的XML标记", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_value_of_megabytes_in_the_sheet_is_a_too_long_cell()
    {
        var file = RawXlsx.Build(_ => { }, RawXlsx.HeaderRow() + "<row r=\"2\"><c r=\"A2\" t=\"str\"><v>" + new string('1', 1024 * 1024) + "</v></c></row>");

        var plan = Imports.Plan(file);

        Assert.Contains(plan.Errors, e => e is { Row: 2, Column: "编号" } && e.Reason.StartsWith("单元格内容过长", StringComparison.Ordinal));
    }

    [Fact]
    public void Many_invalid_rows_keep_the_first_thousand_problems_and_count_the_rest()
    {
        var csv = new StringBuilder(Header + "\n");
        for (var i = 0; i < 5000; i++)
        {
            csv.Append(",,不是日期,外星人,信鸽\n");
        }

        var plan = Imports.Plan(Encoding.UTF8.GetBytes(csv.ToString()));

        // Each row has five problems (编号 and 办理机关 empty, a date, two choices): 200 rows are kept in full.
        Assert.Equal(1000, plan.Errors.Count());
        Assert.Equal(200, plan.Rejected.Count);
        Assert.Equal(5000, plan.RejectedCount);
        Assert.Equal(25_000, plan.ProblemCount);
        Assert.False(plan.IsValid);
        Assert.Empty(plan.CasesToImport);
    }

    [Fact]
    public void With_keep_valid_rows_more_invalid_rows_than_kept_imports_nothing_rather_than_an_incomplete_rejects_file()
    {
        var rows = Enumerable.Range(1, 30).Select(i => LedgerFiles.Row($"V-{i}")).ToList();
        rows.AddRange(Enumerable.Range(1, 30).Select(i => LedgerFiles.Row($"X-{i}", receivedOn: "不是日期")));

        var plan = Imports.Plan(LedgerFiles.Csv([.. rows]), new LedgerImportOptions { KeepValidRows = true, MaxProblemsKept = 10 });

        Assert.Equal(30, plan.Cases.Count);
        Assert.Equal(30, plan.RejectedCount);
        Assert.Equal(10, plan.Rejected.Count);
        Assert.Empty(plan.CasesToImport);
    }

    [Fact]
    public void A_csv_row_whose_cells_together_pass_the_row_limit_refuses_the_file()
    {
        var cell = new string('长', 30_000);
        var file = Encoding.UTF8.GetBytes(Header + "\n" + string.Join(",", Enumerable.Repeat(cell, 40)) + "\n");

        var error = Imports.Plan(file).SingleError();

        Assert.Equal(2, error.Row);
        Assert.Contains("合计超过 1024 K 个字符", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void More_rows_than_the_limit_refuses_the_file_naming_the_first_row_over_it()
    {
        var rows = Enumerable.Range(1, 150).Select(i => LedgerFiles.Row($"R-{i}")).ToArray();

        var plan = Imports.Plan(LedgerFiles.Csv(rows), Limited(l => l with { MaxRows = 100 }));

        var error = Assert.Single(plan.FileProblems);
        Assert.Equal(101, error.Row);
        Assert.Contains("文件超过 100 行", error.Reason, StringComparison.Ordinal);
        Assert.Empty(plan.CasesToImport);
    }

    private static LedgerImportOptions Limited(Func<LedgerReadLimits, LedgerReadLimits> change) =>
        new() { Limits = change(LedgerReadLimits.Default) };
}

/// <summary>Workbooks written part by part as raw XML, streaming, so that a test can make a part of any size cheaply.</summary>
internal static class RawXlsx
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static string HeaderRow() =>
        "<row r=\"1\">" + string.Concat(new[] { "编号", "办理机关", "收到日期", "申请人类型", "申请方式", "申请内容" }
            .Select((h, i) => $"<c r=\"{(char)('A' + i)}1\" t=\"inlineStr\"><is><t>{h}</t></is></c>")) + "</row>";

    /// <summary>The header, then a valid row whose 申请内容 (F) is shared string 0.</summary>
    public static string SharedStringRow(int row) =>
        HeaderRow() + $"<row r=\"{row}\">"
        + string.Concat(new[] { "A-1", "某局", "2023-03-07", "自然人", "网络" }.Select((v, i) => $"<c r=\"{(char)('A' + i)}{row}\" t=\"inlineStr\"><is><t>{v}</t></is></c>"))
        + $"<c r=\"F{row}\" t=\"s\"><v>0</v></c></row>";

    public static void RepeatedText(TextWriter writer, char c, int length)
    {
        var chunk = new string(c, 64 * 1024);
        writer.Write("<si><t>");
        for (var written = 0; written < length; written += chunk.Length)
        {
            writer.Write(chunk);
        }

        writer.Write("</t></si>");
    }

    public static byte[] Build(Action<TextWriter> sharedStrings, string sheetRows)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            Entry(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Entry(zip, "xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Entry(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            using (var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false)))
            {
                strings.Write($"<sst xmlns=\"{Main}\">");
                sharedStrings(strings);
                strings.Write("</sst>");
            }

            Entry(zip, "xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{Main}\"><sheetData>{sheetRows}</sheetData></worksheet>");
        }

        return stream.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}

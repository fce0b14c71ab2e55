using System.Text;
using System.Text.Json;
using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Ledger.Export;
using CaseTracker.Ledger.Import;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static CaseTracker.Ledger.Tests.MappingTests;

namespace CaseTracker.Ledger.Tests;

public class ExportTests
{
    private static readonly DateOnly AsOf = new(2023, 12, 31);

    private static Dictionary<string, string>[] Ledger() =>
    [
        FullRow(),
        LedgerFiles.Row("A-2").With("补正告知日期", "2023-03-08").With("补正期限", "2023-03-23").With("联系电话", "13900000000"),
        LedgerFiles.Row("A-3").With("答复日期", "2023-03-09").With("答复类型", "撤回"),
        LedgerFiles.Row("A-4").With("收费通知日期", "2023-03-10").With("答复日期", "2023-04-25").With("答复类型", "其他处理").With("具体情形", "逾期未缴费"),
        LedgerFiles.Row("A-5").With("补正告知日期", "2023-03-08").With("答复日期", "2023-03-30").With("答复类型", "其他处理").With("具体情形", "逾期不补正"),
        LedgerFiles.Row("A-6").With("答复日期", "2023-03-20").With("答复类型", "不予处理").With("具体情形", "5.要求行政机关确认或重新出具已获取信息")
            .With("行政诉讼日期", "2023-04-10").With("诉讼类型", "未经复议直接起诉").With("行政诉讼结果", "其他结果").With("行政诉讼审结日期", "2023-08-01"),
        LedgerFiles.Row("A-7").With("征求意见对象", "其他机关").With("征求意见开始日期", "2023-03-09").With("申请内容", " 前后有空格 "),
        LedgerFiles.Row("A-9").With("申请内容", "=HYPERLINK(\"http://example.com\",\"点击\")").With("联系电话", "-1").With("申请人", "@某人"),
        LedgerFiles.Row("A-8", agency: "某区教育局").With("答复日期", "2023-03-20").With("答复类型", "部分公开").With("具体情形", "信息不存在、属于国家秘密"),
    ];

    private static (LedgerImportPlan Plan, List<LedgerExportRow> Rows) Imported()
    {
        var plan = Imports.Plan(LedgerFiles.Csv(Ledger()));
        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        var rows = plan.CasesToImport
            .Select(c => IncrementTests.Apply(c.Commands))
            .Select(s => new LedgerExportRow(s, StatutoryClock.Read(s, AsOf, WorkingCalendar.BuiltIn, ClockSettings.Default)))
            .ToList();
        return (plan, rows);
    }

    [Fact]
    public void Exported_CSV_imports_back_to_the_same_commands()
    {
        var (plan, rows) = Imported();
        using var csv = new MemoryStream();

        LedgerExport.WriteCsv(csv, rows);

        var again = Imports.Plan(csv.ToArray());
        Assert.True(again.IsValid, string.Join("\n", again.Errors));
        Assert.Empty(again.Warnings);
        Assert.Equal(plan.CasesToImport.Select(c => c.Commands.ToList()), again.CasesToImport.Select(c => c.Commands.ToList()));
    }

    [Fact]
    public void Exported_XLSX_imports_back_to_the_same_commands()
    {
        var (plan, rows) = Imported();
        using var xlsx = new MemoryStream();

        LedgerExport.WriteXlsx(xlsx, rows);

        var again = Imports.Plan(xlsx.ToArray());
        Assert.True(again.IsValid, string.Join("\n", again.Errors));
        Assert.Empty(again.Warnings);
        Assert.Equal(plan.CasesToImport.Select(c => c.Commands.ToList()), again.CasesToImport.Select(c => c.Commands.ToList()));
    }

    [Fact]
    public void Exported_CSV_keeps_Excel_from_running_applicant_text_as_a_formula()
    {
        var (_, rows) = Imported();
        using var csv = new MemoryStream();

        LedgerExport.WriteCsv(csv, rows);

        var line = Encoding.UTF8.GetString(csv.ToArray()).Split("\r\n").Single(l => l.StartsWith("A-9,", StringComparison.Ordinal));
        Assert.StartsWith("A-9,某区政务服务局,2023-03-07,自然人,网络,'@某人,,-1,,\"'=HYPERLINK(\"\"http://example.com\"\",\"\"点击\"\")\",", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Exported_CSV_is_UTF8_with_BOM_and_the_ledger_columns_then_the_computed_ones()
    {
        var (_, rows) = Imported();
        using var csv = new MemoryStream();

        LedgerExport.WriteCsv(csv, rows.Take(1));

        var bytes = csv.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var header = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n")[0];
        Assert.Equal(string.Join(",", LedgerColumns.Ledger) + ",状态,答复期限,剩余工作日,是否超期,期限是否暂定", header);
    }

    [Fact]
    public void Exported_XLSX_has_real_date_cells_a_bold_header_and_a_frozen_header_row()
    {
        var (_, rows) = Imported();
        using var xlsx = new MemoryStream();
        LedgerExport.WriteXlsx(xlsx, rows.Take(1));

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.ToArray()), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var cells = sheet.Descendants<Row>().ToList();

        var receivedCell = cells[1].Elements<Cell>().ElementAt(2);
        Assert.Equal(new DateTime(2023, 3, 7).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), receivedCell.CellValue!.Text);
        var dateFormatId = formats[(int)receivedCell.StyleIndex!.Value].NumberFormatId!.Value;
        Assert.Equal("yyyy-mm-dd", stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == dateFormatId).FormatCode!.Value);
        var headerFont = stylesheet.Fonts!.Elements<Font>().ElementAt((int)formats[(int)cells[0].Elements<Cell>().First().StyleIndex!.Value].FontId!.Value);
        Assert.NotNull(headerFont.Bold);
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((1d, "A2", PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value, pane.State!.Value));
    }

    [Fact]
    public void Exported_XLSX_sheet_escapes_cell_text_drops_control_characters_skips_empty_cells_and_writes_serial_dates()
    {
        using var xlsx = new MemoryStream();
        LedgerValue[] row = [new("a&b<c>\"d\"\u0001e"), LedgerValue.Empty, LedgerValue.Of(new DateOnly(2023, 3, 7)), LedgerValue.Of(12)];
        XlsxLedgerWriter.Write(xlsx, "台账", ["甲", "乙", "丙", "丁"], [row]);

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx.ToArray()));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open(), Encoding.UTF8);
        var sheet = reader.ReadToEnd();
        var data = sheet[sheet.IndexOf("<sheetData>", StringComparison.Ordinal)..(sheet.IndexOf("</sheetData>", StringComparison.Ordinal) + "</sheetData>".Length)];

        // 2023-03-07 is day 44,992 counted from 1899-12-30 (44,927 on 2023-01-01, + 31 + 28 + 6).
        Assert.Equal(
            "<sheetData><row r=\"1\">"
            + "<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">甲</t></is></c>"
            + "<c r=\"B1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">乙</t></is></c>"
            + "<c r=\"C1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">丙</t></is></c>"
            + "<c r=\"D1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">丁</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">a&amp;b&lt;c&gt;\"d\"e</t></is></c>"
            + "<c r=\"C2\" s=\"2\"><v>44992</v></c><c r=\"D2\"><v>12</v></c></row></sheetData>",
            data);
    }

    [Fact]
    public void Computed_columns_show_status_deadline_days_left_overdue_and_provisional()
    {
        var plan = Imports.Plan(LedgerFiles.Csv(LedgerFiles.Row(receivedOn: "2023-09-22")));
        var state = IncrementTests.Apply(plan.CasesToImport.Single().Commands);
        var reading = StatutoryClock.Read(state, new DateOnly(2023, 9, 25), WorkingCalendar.BuiltIn, ClockSettings.Default);
        using var json = new MemoryStream();

        LedgerExport.WriteJson(json, [new LedgerExportRow(state, reading)]);

        var row = JsonDocument.Parse(json.ToArray()).RootElement.EnumerateArray().Single();
        Assert.Equal("办理中", row.GetProperty("状态").GetString());
        Assert.Equal("2023-10-26", row.GetProperty("答复期限").GetString());
        Assert.Equal(19, row.GetProperty("剩余工作日").GetInt32());
        Assert.Equal("否", row.GetProperty("是否超期").GetString());
        Assert.Equal("否", row.GetProperty("期限是否暂定").GetString());
        Assert.Equal("2023-09-22", row.GetProperty("收到日期").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("补正告知日期").ValueKind);
    }

    [Fact]
    public void An_open_case_past_its_deadline_is_overdue_and_a_deadline_in_an_uncovered_year_is_provisional()
    {
        var plan = Imports.Plan(LedgerFiles.Csv(LedgerFiles.Row("1", receivedOn: "2023-03-07"), LedgerFiles.Row("2", receivedOn: "2026-12-20")));
        var values = plan.CasesToImport.Select(c => IncrementTests.Apply(c.Commands))
            .Select(s => LedgerCells.Computed(StatutoryClock.Read(s, new DateOnly(2026, 12, 21), WorkingCalendar.BuiltIn, ClockSettings.Default)).Select(v => v.Text).ToList())
            .ToList();

        Assert.Equal(["办理中", "2023-04-04", "是", "否"], new[] { values[0][0], values[0][1], values[0][3], values[0][4] });
        Assert.StartsWith("-", values[0][2], StringComparison.Ordinal);
        Assert.Equal("是", values[1][4]);
    }

    [Fact]
    public void The_filter_shows_each_case_as_it_stood_on_the_as_of_date()
    {
        var cases = Imported().Rows.Select(r => r.State).ToList();

        var rows = new LedgerExportFilter(new DateOnly(2023, 3, 8)).Apply(cases, CasePolicy.Default).ToList();

        Assert.Equal(9, rows.Count);
        Assert.Empty(new LedgerExportFilter(new DateOnly(2023, 3, 6)).Apply(cases, CasePolicy.Default));
        Assert.DoesNotContain(rows, r => r.State.Receipt!.CaseNumber == "2023-017" && r.State.Supplement is not null);
        Assert.Equal("办理中", rows.Single(r => r.State.Receipt!.CaseNumber == "A-3").Reading.StatusLabel);
        Assert.Equal(new DateOnly(2023, 3, 8), rows[0].Reading.AsOf);
    }

    [Fact]
    public void The_filter_selects_by_agency_status_and_overdue()
    {
        var cases = Imported().Rows.Select(r => r.State).ToList();
        var asOf = new DateOnly(2023, 5, 1);

        var education = new LedgerExportFilter(asOf) { Agencies = new HashSet<string> { "某区教育局" } }.Apply(cases, CasePolicy.Default);
        var paused = new LedgerExportFilter(asOf) { Statuses = new HashSet<CaseStatus> { CaseStatus.Paused } }.Apply(cases, CasePolicy.Default);
        var overdue = new LedgerExportFilter(asOf) { OverdueOnly = true }.Apply(cases, CasePolicy.Default);

        Assert.Equal(["A-8"], education.Select(r => r.State.Receipt!.CaseNumber));
        Assert.Equal(["A-2", "A-7"], paused.Select(r => r.State.Receipt!.CaseNumber));
        Assert.Equal(["A-9"], overdue.Select(r => r.State.Receipt!.CaseNumber));
    }
}

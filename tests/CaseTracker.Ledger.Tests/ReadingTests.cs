using System.Text;
using CaseTracker.Domain.Cases;
using CaseTracker.Ledger.Import;
using static CaseTracker.Ledger.Tests.MappingTests;

namespace CaseTracker.Ledger.Tests;

public class ReadingTests
{
    [Fact]
    public void Quoted_cells_keep_commas_quotes_and_line_breaks_and_a_multi_line_record_is_one_spreadsheet_row()
    {
        var file = "编号,办理机关,收到日期,申请人类型,申请方式,申请内容\r\n1,某局,2023-03-07,自然人,网络,\"第一行,逗号\r\n第二行 \"\"引号\"\"\"\r\n2,某局,2023-03-08,自然人,网络,x\n"u8.ToArray();

        var plan = Imports.Plan(file);

        Assert.Equal([2, 3], plan.CasesToImport.Select(c => c.Row));
        var receive = (CaseCommand.Receive)plan.CasesToImport[0].Commands.First();
        Assert.Equal("第一行,逗号\r\n第二行 \"引号\"", receive.Description);
    }

    [Fact]
    public void With_or_without_BOM_the_file_reads_the_same()
    {
        string[] header = [.. LedgerFiles.RequiredHeader, "申请内容"];
        string[] row = ["1", "某局", "2023-03-07", "自然人", "网络", "某信息"];

        var withBom = Imports.Plan(LedgerFiles.Csv(true, header, [row]));
        var without = Imports.Plan(LedgerFiles.Csv(false, header, [row]));

        Assert.True(withBom.IsValid);
        Assert.Equal(withBom.CasesToImport.Single().Commands, without.CasesToImport.Single().Commands);
        Assert.Equal("编号", without.Header[0]);
    }

    [Fact]
    public void Title_rows_above_the_header_are_skipped_with_a_warning()
    {
        var file = XlsxFiles.Workbook(
        [
            ["2023年依申请公开台账"],
            ["填报单位：某区政务服务局", "", "填报日期：2024年1月5日"],
            [.. LedgerFiles.RequiredHeader.Select(h => (XCell)h)],
            ["1", "某局", "2023-03-07", "自然人", "网络"],
        ]);

        var plan = Imports.Plan(file);

        Assert.Equal(4, Assert.Single(plan.CasesToImport).Row);
        Assert.Equal(new LedgerProblem(1, null, "表头在第3行，此前的2行（如标题行）已跳过。"), Assert.Single(plan.Warnings));
    }

    [Fact]
    public void Column_order_is_free()
    {
        var inOrder = Imports.Plan(LedgerFiles.Csv(LedgerFiles.RequiredHeader, ["1", "某局", "2023-03-07", "自然人", "网络"]));
        var shuffled = Imports.Plan(LedgerFiles.Csv(["申请方式", "收到日期", "编号", "申请人类型", "办理机关"], ["网络", "2023-03-07", "1", "自然人", "某局"]));

        Assert.Equal(inOrder.CasesToImport.Single().Commands, shuffled.CasesToImport.Single().Commands);
    }

    [Fact]
    public void Unknown_column_is_reported_once_as_a_warning_and_ignored()
    {
        var file = LedgerFiles.Csv([.. LedgerFiles.RequiredHeader, "备注"], ["1", "某局", "2023-03-07", "自然人", "网络", "甲"], ["2", "某局", "2023-03-07", "自然人", "网络", "乙"]);

        var plan = Imports.Plan(file);

        Assert.True(plan.IsValid);
        Assert.Equal(2, plan.CasesToImport.Count);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(new LedgerProblem(1, "备注", "“备注”不是台账的列，已忽略（只报告一次）。"), warning);
    }

    [Fact]
    public void Exported_computed_columns_and_the_rejects_reason_column_are_ignored_without_a_warning()
    {
        var file = LedgerFiles.Csv([.. LedgerFiles.RequiredHeader, "状态", "答复期限", "错误原因"], ["1", "某局", "2023-03-07", "自然人", "网络", "办理中", "2023-04-04", "旧的原因"]);

        var plan = Imports.Plan(file);

        Assert.True(plan.IsValid);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Blank_rows_are_skipped_and_row_numbers_stay_those_of_the_spreadsheet()
    {
        var file = "编号,办理机关,收到日期,申请人类型,申请方式\r\n,,,,\r\n1,某局,2023-03-07,自然人,网络\r\n\r\n2,某局,2023-02-30,自然人,网络\r\n"u8.ToArray();

        var plan = Imports.Plan(file, new LedgerImportOptions { KeepValidRows = true });

        Assert.Equal(3, plan.CasesToImport.Single().Row);
        Assert.Equal(5, plan.Errors.Single().Row);
    }

    [Fact]
    public void Workbook_first_sheet_reads_shared_and_inline_strings_numbers_and_real_date_cells()
    {
        var file = XlsxFiles.Workbook(
        [
            [.. LedgerFiles.RequiredHeader.Select(h => (XCell)h), "申请内容", new XCell.Inline("答复日期"), "答复类型"],
            [new XCell.Number(2023001), "某区政务服务局", new XCell.Date(D(2023, 3, 7)), "自然人", "网络", new XCell.Inline("内联文本"), new XCell.Date(D(2023, 3, 20), ChineseFormat: true), "予以公开"],
            ["2023-002", "某区政务服务局", "2023年3月8日", "商业企业", new XCell.Inline("邮寄"), "", "", ""],
        ], secondSheetText: "第二个工作表不读");

        var plan = Imports.Plan(file);

        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        var first = plan.CasesToImport[0];
        Assert.Equal(new LedgerCaseKey("某区政务服务局", "2023001"), first.Key);
        var receive = (CaseCommand.Receive)first.Commands.First();
        Assert.Equal(D(2023, 3, 7), receive.On);
        Assert.Equal("内联文本", receive.Description);
        Assert.Equal(D(2023, 3, 20), ((CaseCommand.Answer)first.Commands.Last()).On);
        Assert.Equal(Channel.Post, ((CaseCommand.Receive)plan.CasesToImport[1].Commands.First()).Channel);
        Assert.Equal(D(2023, 3, 8), ((CaseCommand.Receive)plan.CasesToImport[1].Commands.First()).On);
    }

    [Fact]
    public void Workbook_rich_text_joins_its_runs_without_the_phonetic_guide_formulas_give_their_result_and_ISO_date_cells_are_dates()
    {
        var file = XlsxFiles.Workbook(
        [
            [.. LedgerFiles.RequiredHeader.Select(h => (XCell)h), "申请内容"],
            [new XCell.Formula("\"1\"", "1"), new XCell.Rich(["某区", "政务服务局"], "ぼう"), new XCell.IsoDate("2023-03-07T00:00:00"), "自然人", "网络", "x"],
        ]);

        var planned = Assert.Single(Imports.Plan(file).CasesToImport);

        Assert.Equal(new LedgerCaseKey("某区政务服务局", "1"), planned.Key);
        Assert.Equal(D(2023, 3, 7), ((CaseCommand.Receive)planned.Commands.First()).On);
    }

    [Theory]
    [InlineData(false, 44992)]
    [InlineData(true, 43530)]
    public void Date_serials_count_from_1900_or_from_1904_as_the_workbook_says(bool date1904, int serial)
    {
        var file = XlsxFiles.Workbook(
        [
            [.. LedgerFiles.RequiredHeader.Select(h => (XCell)h)],
            ["1", "某局", new XCell.Serial(serial), "自然人", "网络"],
        ], date1904: date1904);

        var planned = Assert.Single(Imports.Plan(file).CasesToImport);

        Assert.Equal(D(2023, 3, 7), ((CaseCommand.Receive)planned.Commands.First()).On);
    }

    [Fact]
    public void A_one_megabyte_workbook_cell_is_refused_naming_row_and_column()
    {
        var file = XlsxFiles.Workbook(
        [
            [.. LedgerFiles.RequiredHeader.Select(h => (XCell)h), "申请内容", "联系地址"],
            ["1", "某局", "2023-03-07", "自然人", "网络", new string('申', 1024 * 1024), new XCell.Inline(new string('址', 40_000))],
        ]);

        var plan = Imports.Plan(file);

        Assert.Empty(plan.CasesToImport);
        Assert.Equal([(2, "申请内容"), (2, "联系地址")], plan.Errors.Select(e => (e.Row!.Value, e.Column!)));
        Assert.All(plan.Errors, e => Assert.StartsWith("单元格内容过长", e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_beyond_the_first_64_KB_stop_the_import_at_their_row()
    {
        var rows = Enumerable.Range(1, 1500).Select(i => LedgerFiles.Row($"N{i}").With("申请内容", new string('文', 20))).ToList();
        var utf8 = LedgerFiles.Csv([.. rows]);
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes("N9999,某局,2023-03-07,自然人,网络,文\r\n");
        Assert.True(utf8.Length > 64 * 1024);

        var error = Imports.Plan([.. utf8, .. gbk]).SingleError();

        Assert.Equal(1502, error.Row);
        Assert.StartsWith("从这一行起文件含有不是UTF-8编码的字节", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_in_a_date_column_without_a_date_format_is_not_a_date()
    {
        var file = XlsxFiles.Workbook(
        [
            [.. LedgerFiles.RequiredHeader.Select(h => (XCell)h)],
            ["1", "某局", new XCell.Number(44992), "自然人", "网络"],
        ]);

        var error = Imports.Plan(file).SingleError();

        Assert.Equal((2, "收到日期"), (error.Row, error.Column));
        Assert.StartsWith("“44992”不是可接受的日期格式", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_errors_name_the_spreadsheet_row()
    {
        var file = XlsxFiles.Workbook(
        [
            [.. LedgerFiles.RequiredHeader.Select(h => (XCell)h)],
            ["1", "某局", new XCell.Date(D(2023, 3, 7)), "自然人", "网络"],
            ["2", "某局", new XCell.Date(D(2023, 3, 7)), "个人", "网络"],
        ]);

        var error = Imports.Plan(file).SingleError();

        Assert.Equal((3, "申请人类型"), (error.Row, error.Column));
    }

    [Fact]
    public void Progress_is_reported_while_reading()
    {
        var rows = Enumerable.Range(1, 25).Select(i => LedgerFiles.Row($"N{i}")).ToArray();
        var seen = new List<int>();

        Imports.Plan(LedgerFiles.Csv(rows), new LedgerImportOptions { Progress = new SyncProgress(seen), ProgressEvery = 10 });

        Assert.Equal([10, 20, 25], seen);
    }

    private sealed class SyncProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value) => seen.Add(value);
    }
}

using System.Text;
using CaseTracker.Ledger.Import;

namespace CaseTracker.Ledger.Tests;

/// <summary>
/// A plan that does not keep the rows' milestones (issue 14: import in bounded memory): it keeps each valid row's
/// number, key and leniencies, and the cases are read again from the file as they are written.
/// </summary>
public class PlanWithoutCasesTests
{
    // Row 2: a plain case; row 3: 部分公开 without its ground (a leniency); row 4 and row 6: one 编号 twice (both refused);
    // row 5: another agency.
    private static byte[] Ledger() => LedgerFiles.Csv(
        LedgerFiles.Row("A-1"),
        LedgerFiles.Row("A-2").With("答复日期", "2023-03-20").With("答复类型", "部分公开"),
        LedgerFiles.Row("A-3").With("申请内容", "第一次"),
        LedgerFiles.Row("B-1", agency: "某区教育局"),
        LedgerFiles.Row("A-3").With("申请内容", "第二次"));

    // Row 2 with every column of the ledger above (empty where it has none), so that a file made of it has the same header.
    private static Dictionary<string, string> FirstRow() => LedgerFiles.Row("A-1").With("答复日期", "").With("答复类型", "").With("申请内容", "");

    private static readonly LedgerImportOptions Light = new() { KeepValidRows = true, KeepCases = false };

    [Fact]
    public void It_keeps_the_valid_rows_keys_and_leniencies_but_no_cases()
    {
        var plan = Imports.Plan(Ledger(), Light);

        Assert.False(plan.HoldsCases);
        Assert.Empty(plan.Cases);
        Assert.Equal([(2, "A-1"), (3, "A-2"), (5, "B-1")], plan.RowsToImport.Select(r => (r.Row, r.Key.Number)));
        Assert.Equal([(LedgerLeniency.PartialWithoutGround, 1)], plan.Leniencies);
        Assert.Equal(["某区政务服务局", "某区教育局"], plan.Agencies);
        Assert.Equal([4, 6], plan.Rejected.Select(r => r.Row));
        Assert.Equal(2, plan.RejectedCount);
    }

    [Fact]
    public void Reading_the_cases_again_yields_what_a_plan_keeping_them_holds()
    {
        var light = Imports.Plan(Ledger(), Light);
        var full = Imports.Plan(Ledger(), Light with { KeepCases = true });

        using var again = new MemoryStream(Ledger());
        var read = LedgerImporter.ReadCases(again, Light, light).ToList();

        Assert.Equal(full.CasesToImport.Select(c => (c.Row, c.Key, c.Commands.Count())), read.Select(c => (c.Row, c.Key, c.Commands.Count())));
        Assert.Equal(full.CasesToImport.SelectMany(c => c.Commands).Select(Json), read.SelectMany(c => c.Commands).Select(Json));
        Assert.Equal(3, read.Count);
    }

    [Fact]
    public void Reading_again_skips_a_row_the_decider_refused_when_valid_rows_are_kept()
    {
        // Row 3 maps cleanly but the decider refuses it (an answer before the request was received): the plan rejects it,
        // and reading again, which does not run the decider, must still leave it out.
        var file = LedgerFiles.Csv(FirstRow(), LedgerFiles.Row("A-2").With("答复日期", "2023-03-01").With("答复类型", "予以公开"), LedgerFiles.Row("A-3"));
        var plan = Imports.Plan(file, Light);

        using var again = new MemoryStream(file);
        var read = LedgerImporter.ReadCases(again, Light, plan).ToList();

        Assert.Equal([3], plan.Rejected.Select(r => r.Row));
        Assert.Equal([(2, "A-1"), (4, "A-3")], read.Select(c => (c.Row, c.Key.Number)));
    }

    private static string Json(Domain.Cases.CaseCommand command) => System.Text.Json.JsonSerializer.Serialize(command, command.GetType());

    [Fact]
    public void A_file_changed_after_the_check_stops_the_reading_at_the_first_row_that_differs()
    {
        var plan = Imports.Plan(Ledger(), Light);
        var changed = LedgerFiles.Csv(FirstRow(), LedgerFiles.Row("A-9"), LedgerFiles.Row("A-3"));

        using var again = new MemoryStream(changed);
        var reading = LedgerImporter.ReadCases(again, Light, plan).GetEnumerator();

        Assert.True(reading.MoveNext());
        Assert.Equal("A-1", reading.Current.Key.Number);
        var error = Assert.Throws<LedgerChangedException>(() => reading.MoveNext());
        Assert.Equal(3, error.Row);
        Assert.Equal("台账文件在校验之后被修改（第3行：这一行与校验时不同），导入已停止：请勿在导入期间修改文件，确认文件后重新导入（已写入的不会重复写入）。", error.Message);
    }

    [Fact]
    public void A_cell_changed_after_the_check_in_a_row_with_the_same_number_stops_the_reading_at_that_row()
    {
        var plan = Imports.Plan(Ledger(), Light);
        var changed = LedgerFiles.Csv(
            LedgerFiles.Row("A-1"),
            LedgerFiles.Row("A-2").With("答复日期", "2023-03-21").With("答复类型", "部分公开"),
            LedgerFiles.Row("A-3").With("申请内容", "第一次"),
            LedgerFiles.Row("B-1", agency: "某区教育局"),
            LedgerFiles.Row("A-3").With("申请内容", "第二次"));

        using var again = new MemoryStream(changed);
        var error = Assert.Throws<LedgerChangedException>(() => LedgerImporter.ReadCases(again, Light, plan).ToList());

        Assert.Equal(3, error.Row);
        Assert.Contains("（第3行：这一行的内容与校验时不同）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_short_after_the_check_names_the_first_missing_row()
    {
        var plan = Imports.Plan(Ledger(), Light);

        using var again = new MemoryStream(LedgerFiles.Csv(FirstRow()));
        var error = Assert.Throws<LedgerChangedException>(() => LedgerImporter.ReadCases(again, Light, plan).ToList());

        Assert.Equal(3, error.Row);
        Assert.Contains("校验时有这一行，再次读取时没有了", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rejects_file_reads_the_earlier_row_of_a_repeated_number_from_the_file()
    {
        var plan = Imports.Plan(Ledger(), Light);
        using var rejects = new MemoryStream();

        LedgerRejects.WriteCsv(rejects, plan, (() => new MemoryStream(Ledger()), Light));

        var lines = Encoding.UTF8.GetString(rejects.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("A-3,某区政务服务局,2023-03-07,自然人,网络,,,第一次,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("A-3,某区政务服务局,2023-03-07,自然人,网络,,,第二次,", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("编号“A-3”在办理机关“某区政务服务局”下重复（第4行与第6行），同一机关的编号必须唯一。", lines[1], StringComparison.Ordinal);
    }
}

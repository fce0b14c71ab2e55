using System.Text;
using CaseTracker.Ledger.Import;

namespace CaseTracker.Ledger.Tests;

public class PlanTests
{
    private static byte[] OneBadRow() => LedgerFiles.Csv(
        LedgerFiles.Row("1"),
        LedgerFiles.Row("2").With("申请内容", "含,逗号").With("答复日期", "2023-03-01").With("答复类型", "予以公开"),
        LedgerFiles.Row("3"));

    [Fact]
    public void By_default_nothing_is_imported_when_any_row_is_invalid()
    {
        var plan = Imports.Plan(OneBadRow());

        Assert.False(plan.IsValid);
        Assert.Equal(2, plan.Cases.Count);
        Assert.Empty(plan.CasesToImport);
        Assert.Empty(plan.Agencies);
    }

    [Fact]
    public void Keeping_valid_rows_imports_them_and_rejects_the_rest()
    {
        var plan = Imports.Plan(OneBadRow(), new LedgerImportOptions { KeepValidRows = true, FileName = "台账.csv" });

        Assert.Equal(["1", "3"], plan.CasesToImport.Select(c => c.Key.Number));
        Assert.Equal(3, Assert.Single(plan.Rejected).Row);
        Assert.Equal("台账.csv", plan.FileName);
    }

    [Fact]
    public void The_rejects_file_has_the_same_columns_plus_the_reason_and_imports_again_once_fixed()
    {
        var plan = Imports.Plan(OneBadRow(), new LedgerImportOptions { KeepValidRows = true });
        using var rejects = new MemoryStream();

        LedgerRejects.WriteCsv(rejects, plan);

        var text = Encoding.UTF8.GetString(rejects.ToArray());
        Assert.Equal("\uFEFF编号,办理机关,收到日期,申请人类型,申请方式,申请内容,答复日期,答复类型,错误原因\r\n" +
            "2,某区政务服务局,2023-03-07,自然人,网络,\"含,逗号\",2023-03-01,予以公开,「答复日期」答复日期2023-03-01早于收到申请日期2023-03-07：答复不能早于收到申请。\r\n", text);
        var fixedFile = Encoding.UTF8.GetBytes(text.Replace(",2023-03-01,", ",2023-03-21,", StringComparison.Ordinal));
        var again = Imports.Plan(fixedFile);
        Assert.True(again.IsValid, string.Join("\n", again.Errors));
        Assert.Empty(again.Warnings);
        Assert.Equal("2", again.CasesToImport.Single().Key.Number);
    }

    [Fact]
    public void Both_rows_of_a_duplicate_number_go_to_the_rejects_file_with_their_cells()
    {
        var plan = Imports.Plan(LedgerFiles.Csv(LedgerFiles.Row("A-1").With("申请内容", "第一次"), LedgerFiles.Row("A-1").With("申请内容", "第二次")),
            new LedgerImportOptions { KeepValidRows = true });
        using var rejects = new MemoryStream();

        LedgerRejects.WriteCsv(rejects, plan);

        var lines = Encoding.UTF8.GetString(rejects.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("A-1,某区政务服务局,2023-03-07,自然人,网络,第一次,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("A-1,某区政务服务局,2023-03-07,自然人,网络,第二次,", lines[2], StringComparison.Ordinal);
        Assert.Empty(plan.CasesToImport);
    }

    [Fact]
    public void A_file_problem_imports_nothing_even_when_keeping_valid_rows()
    {
        var plan = Imports.Plan(LedgerFiles.Csv(["编号", "办理机关"], ["1", "某局"]), new LedgerImportOptions { KeepValidRows = true });

        Assert.Empty(plan.CasesToImport);
        Assert.Equal(3, plan.FileProblems.Count);
    }

    [Fact]
    public void Read_streams_rows_one_at_a_time_and_reports_a_repeated_number_on_the_later_row()
    {
        using var file = new MemoryStream(LedgerFiles.Csv(LedgerFiles.Row("A-1"), LedgerFiles.Row("A-2"), LedgerFiles.Row("A-1")));

        var entries = LedgerImporter.Read(file).ToList();

        Assert.IsType<LedgerEntry.Header>(entries[0]);
        Assert.IsType<LedgerEntry.Valid>(entries[1]);
        Assert.IsType<LedgerEntry.Valid>(entries[2]);
        Assert.Equal(2, Assert.IsType<LedgerEntry.Invalid>(entries[3]).Row.DuplicateOf);
    }
}

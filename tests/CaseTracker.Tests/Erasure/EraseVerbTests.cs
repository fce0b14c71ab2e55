using CaseTracker.Demo;
using Microsoft.Data.Sqlite;

namespace CaseTracker.Tests.Erasure;

/// <summary>`casetracker erase` and `casetracker retention …` on a real SQLite store, and the whole year's tables before and after.</summary>
public sealed class EraseVerbTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CliRunner _cli;

    public EraseVerbTests() => _cli = new CliRunner($"sqlite:{_folder.File("store.db")}");

    /// <summary>
    /// Sections 三 and 四 of last year's report (and section 二, which is entered, not computed) of the whole district are
    /// the same before and after erasing several applicants by hand, two cases by number and every case closed more than a
    /// year ago by the agencies' retention rules, and after rebuilding every read model from the log.
    /// </summary>
    [Fact]
    public async Task A_whole_years_tables_are_the_same_before_and_after_erasing_several_applicants()
    {
        await _cli.SucceedAsync("demo", "--per-year", "300", "--years", "2", "--seed", "17");
        var year = DateTime.Today.Year - 1;
        var before = await ReportAsync(year, "before");
        var received = await ScalarsAsync(
            $"SELECT k.hash FROM applicant_keys k WHERE k.kind = 'id' AND k.received_on LIKE '{year}-%' ORDER BY k.hash LIMIT 6");
        var byNumber = await PairsAsync($"SELECT agency, case_number FROM case_read_model WHERE received_on LIKE '{year}-%' ORDER BY case_number LIMIT 2 OFFSET 40");
        Assert.Equal(6, received.Count);

        foreach (var hash in received)
        {
            var erased = await _cli.SucceedAsync("erase", "--applicant-id-hash", hash, "--reason", "申请人要求删除");
            Assert.Contains("已删除 ", erased.Output, StringComparison.Ordinal);
        }

        foreach (var (agency, number) in byNumber)
        {
            await _cli.SucceedAsync("erase", "--agency", agency, "--number", number, "--reason", "处理目的已实现");
        }

        foreach (var agency in DemoAgencies.All)
        {
            await _cli.SucceedAsync("retention", "set", "--agency", agency.Name, "--years", "1");
        }

        var run = await _cli.SucceedAsync("retention", "run");
        var erasedCount = long.Parse((await ScalarsAsync("SELECT COUNT(*) FROM personal_data_erasures"))[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(erasedCount > 20, $"only {erasedCount} erasures: {run.Output}");
        Assert.Empty(await ScalarsAsync("SELECT k.hash FROM applicant_keys k JOIN personal_data_erasures e ON e.case_id = k.case_id"));

        Assert.Equal(before, await ReportAsync(year, "after"));
        await _cli.SucceedAsync("projections", "rebuild");
        Assert.Equal(before, await ReportAsync(year, "rebuilt"));
    }

    [Fact]
    public async Task Erase_by_number_shows_in_the_ledger_export_and_refusals_name_the_field_with_exit_status_2()
    {
        await _cli.SucceedAsync("demo", "--per-year", "20", "--years", "1", "--seed", "3");
        var (agency, number) = (await PairsAsync("SELECT agency, case_number FROM case_read_model ORDER BY case_number LIMIT 1"))[0];
        await _cli.SucceedAsync("export", "--agency", agency, "--output", _folder.File("before.csv"));
        var beforeRow = (await File.ReadAllLinesAsync(_folder.File("before.csv"))).Single(l => l.Contains(number, StringComparison.Ordinal));

        var missingReason = await _cli.RunAsync("erase", "--agency", agency, "--number", number);
        var unknown = await _cli.RunAsync("erase", "--agency", agency, "--number", "无此编号", "--reason", "理由");
        var both = await _cli.RunAsync("erase", "--agency", agency, "--number", number, "--applicant-id-hash", new string('a', 64), "--reason", "理由");
        var badHash = await _cli.RunAsync("erase", "--applicant-id-hash", "xyz", "--reason", "理由");
        var badYears = await _cli.RunAsync("retention", "set", "--agency", agency, "--years", "-1");
        Assert.Equal((2, "错误：reason（删除理由）：必须填写"), (missingReason.ExitCode, missingReason.Error[..20]));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains($"number（编号）：机关“{agency}”没有编号为“无此编号”的案件。", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("二者选一", both.Error, StringComparison.Ordinal);
        Assert.Equal(2, badHash.ExitCode);
        Assert.Contains("applicant-id-hash（申请人身份证号散列）", badHash.Error, StringComparison.Ordinal);
        Assert.Equal(2, badYears.ExitCode);
        Assert.Contains("years（保存年限）", badYears.Error, StringComparison.Ordinal);
        Assert.Empty(await ScalarsAsync("SELECT case_id FROM personal_data_erasures"));

        var erased = await _cli.SucceedAsync("erase", "--agency", agency, "--number", number, "--reason", "申请人要求删除");
        Assert.Equal($"{agency}\t{number}\t已删除\n已删除 1 件案件的申请人个人信息（不可恢复）。\n", erased.Output.Replace("\r", ""));
        var again = await _cli.SucceedAsync("erase", "--agency", agency, "--number", number, "--reason", "申请人要求删除");
        Assert.Contains("此前已删除", again.Output, StringComparison.Ordinal);

        await _cli.SucceedAsync("export", "--agency", agency, "--output", _folder.File("after.csv"));
        var afterRow = (await File.ReadAllLinesAsync(_folder.File("after.csv"))).Single(l => l.Contains(number, StringComparison.Ordinal));
        Assert.Contains("（个人信息已删除）", afterRow, StringComparison.Ordinal);
        Assert.DoesNotContain("（个人信息已删除）", beforeRow, StringComparison.Ordinal);

        var report = await _cli.SucceedAsync("retention", "report");
        Assert.Contains("已删除个人信息的案件共 1 件", report.Output, StringComparison.Ordinal);
    }

    private async Task<string> ReportAsync(int year, string name)
    {
        var file = _folder.File($"{name}.json");
        await _cli.SucceedAsync("report", "--year", $"{year}", "--agency", DemoAgencies.District, "--include-subordinates", "--output", file);
        return await File.ReadAllTextAsync(file);
    }

    private async Task<List<string>> ScalarsAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_folder.File("store.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    private async Task<List<(string Agency, string Number)>> PairsAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_folder.File("store.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add((reader.GetString(0), reader.GetString(1)));
        }

        return values;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}

namespace CaseTracker.Tests;

public sealed class LedgerImportRefusalTests : IDisposable
{
    private const string Header = "编号,办理机关,收到日期,申请人类型,申请方式,答复日期,答复类型,具体情形";
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task One_invalid_row_means_nothing_is_written()
    {
        var store = new CliRunner("sqlite:" + _folder.File("store.db"));
        var ledger = _folder.File("ledger.csv");
        await File.WriteAllTextAsync(ledger, $"{Header}\nB-1,某区教育委员会,2023-05-06,自然人,当面,,,\nB-2,某区教育委员会,2023-05-10,自然人,当面,2023-05-01,予以公开,\n");

        var result = await store.RunAsync("import", ledger);
        await store.SucceedAsync("export", "--output", _folder.File("all.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("第3行", result.Error, StringComparison.Ordinal);
        Assert.Contains("早于收到申请", result.Error, StringComparison.Ordinal);
        Assert.Contains("未导入任何内容", result.Error, StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(_folder.File("all.csv")));
    }

    [Fact]
    public async Task Skip_invalid_imports_the_valid_rows_and_writes_the_rejected_ones_with_their_reasons()
    {
        var store = new CliRunner("sqlite:" + _folder.File("store.db"));
        var ledger = _folder.File("ledger.csv");
        await File.WriteAllTextAsync(ledger, $"{Header}\nB-1,某区教育委员会,2023-05-06,自然人,当面,,,\nB-2,某区教育委员会,2023-05-10,自然人,当面,2023-05-11,其他处理,逾期不补正\n");

        var result = await store.SucceedAsync("import", ledger, "--skip-invalid", "--rejects", _folder.File("rejects.csv"));
        await store.SucceedAsync("export", "--output", _folder.File("all.csv"));

        Assert.Contains("新建 1 件", result.Output, StringComparison.Ordinal);
        var rejects = await File.ReadAllTextAsync(_folder.File("rejects.csv"));
        Assert.Contains("错误原因", rejects, StringComparison.Ordinal);
        Assert.Contains("B-2", rejects, StringComparison.Ordinal);
        Assert.Contains("补正", rejects, StringComparison.Ordinal);
        var exported = await File.ReadAllLinesAsync(_folder.File("all.csv"));
        Assert.Equal(2, exported.Length);
        Assert.StartsWith("B-1,", exported[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_invalid_without_a_rejects_file_is_refused_before_reading_anything()
    {
        var store = new CliRunner("sqlite:" + _folder.File("store.db"));

        var result = await store.RunAsync("import", _folder.File("missing.csv"), "--skip-invalid");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--rejects", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_error()
    {
        var result = await new CliRunner("sqlite:" + _folder.File("store.db")).RunAsync("import", _folder.File("missing.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("不存在", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}

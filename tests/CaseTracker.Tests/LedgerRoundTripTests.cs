using CaseTracker.Demo;
using CaseTracker.Testing;

namespace CaseTracker.Tests;

/// <summary>On SQLite here; <see cref="Postgres.PostgresLedgerRoundTripTests"/> runs the same tests on PostgreSQL.</summary>
public class LedgerRoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>A new, empty store as a <c>--store</c> value.</summary>
    protected virtual Task<string> NewStoreAsync(string name) => Task.FromResult("sqlite:" + _folder.File(name + ".db"));

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Export_then_import_into_an_empty_store_gives_the_same_cases_deadlines_and_tables(string type)
    {
        var original = new CliRunner(await NewStoreAsync("original"));
        var copy = new CliRunner(await NewStoreAsync("copy"));
        await original.SucceedAsync("demo", "--per-year", "150", "--years", "3", "--seed", "7");
        await original.SucceedAsync("export", "--output", _folder.File($"ledger.{type}"));

        var imported = await copy.SucceedAsync("import", _folder.File($"ledger.{type}"));
        await copy.SucceedAsync("agencies", "import", await AgenciesFileAsync());

        Assert.Contains("导入完成", imported.Output, StringComparison.Ordinal);
        await original.SucceedAsync("export", "--output", _folder.File("original.csv"));
        await copy.SucceedAsync("export", "--output", _folder.File("copy.csv"));
        var originalLedger = await File.ReadAllTextAsync(_folder.File("original.csv"));
        Assert.Equal(originalLedger, await File.ReadAllTextAsync(_folder.File("copy.csv")));
        Assert.Contains("答复期限", originalLedger, StringComparison.Ordinal);
        foreach (var year in new[] { TestClock.Today.Year - 1, TestClock.Today.Year })
        {
            string[] report = ["report", "--year", $"{year}", "--agency", DemoAgencies.District, "--include-subordinates"];
            await original.RunAsync([.. report, "--output", _folder.File($"original-{year}.json")]);
            await copy.RunAsync([.. report, "--output", _folder.File($"copy-{year}.json")]);
            Assert.Equal(await File.ReadAllTextAsync(_folder.File($"original-{year}.json")), await File.ReadAllTextAsync(_folder.File($"copy-{year}.json")));
        }
    }

    [Fact]
    public async Task A_ledger_with_a_NUL_character_names_the_row_and_column_and_writes_nothing()
    {
        var store = new CliRunner(await NewStoreAsync("store"));
        var ledger = _folder.File("ledger.csv");
        var rows = Enumerable.Range(1, 2500).Select(i => $"N-{i},某区住房和城乡建设委员会,2023-03-07,自然人,当面,申请{i}").ToList();
        rows[2399] = "N-2400,某区住房和城乡建设委员会,2023-03-07,自然人,当面,x\0y";
        await File.WriteAllTextAsync(ledger, "编号,办理机关,收到日期,申请人类型,申请方式,申请内容\n" + string.Join("\n", rows) + "\n");

        var refused = await store.RunAsync("import", ledger);
        await store.SucceedAsync("export", "--output", _folder.File("all.csv"));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("第2401行「申请内容」", refused.Error, StringComparison.Ordinal);
        Assert.Contains("U+0000", refused.Error, StringComparison.Ordinal);
        Assert.Contains("未导入任何内容", refused.Error, StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(_folder.File("all.csv")));

        var skipped = await store.SucceedAsync("import", ledger, "--skip-invalid", "--rejects", _folder.File("rejects.csv"));
        await store.SucceedAsync("export", "--output", _folder.File("valid.csv"));

        Assert.Contains("新建 2499 件", skipped.Output, StringComparison.Ordinal);
        Assert.Equal(2500, (await File.ReadAllLinesAsync(_folder.File("valid.csv"))).Length);
        Assert.Contains("N-2400", await File.ReadAllTextAsync(_folder.File("rejects.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_ledger_again_writes_nothing()
    {
        var store = new CliRunner(await NewStoreAsync("store"));
        var ledger = _folder.File("ledger.csv");
        await File.WriteAllTextAsync(ledger, """
            编号,办理机关,收到日期,申请人类型,申请方式,答复日期,答复类型,具体情形
            A-1,某区住房和城乡建设委员会,2023-03-07,自然人,当面,2023-03-20,予以公开,
            A-2,某区住房和城乡建设委员会,2023/3/8,商业企业,网络,,,
            """);

        var first = await store.SucceedAsync("import", ledger);
        var second = await store.SucceedAsync("import", ledger);

        Assert.Contains("新建 2 件", first.Output, StringComparison.Ordinal);
        Assert.Contains("新建 0 件，追加办理环节 0 件，共写入 0 个事件", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_ledger_with_a_decision_appends_it_to_the_known_case()
    {
        var store = new CliRunner(await NewStoreAsync("store"));
        var ledger = _folder.File("ledger.csv");
        await File.WriteAllTextAsync(ledger, "编号,办理机关,收到日期,申请人类型,申请方式,答复日期,答复类型,具体情形\nA-2,某区住房和城乡建设委员会,2023-03-08,商业企业,网络,,,\n");
        await store.SucceedAsync("import", ledger);
        await File.WriteAllTextAsync(ledger, "编号,办理机关,收到日期,申请人类型,申请方式,答复日期,答复类型,具体情形\nA-2,某区住房和城乡建设委员会,2023-03-08,商业企业,网络,2023-03-31,无法提供,信息不存在\n");

        var later = await store.SucceedAsync("import", ledger);
        await store.SucceedAsync("export", "--status", "closed", "--as-of", "2023-12-31", "--output", _folder.File("closed.csv"));

        Assert.Contains("新建 0 件，追加办理环节 1 件，共写入 1 个事件", later.Output, StringComparison.Ordinal);
        var closed = await File.ReadAllLinesAsync(_folder.File("closed.csv"));
        Assert.Equal(2, closed.Length);
        Assert.Contains("2023-03-31,无法提供,信息不存在", closed[1], StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private async Task<string> AgenciesFileAsync()
    {
        var path = _folder.File("agencies.csv");
        await File.WriteAllLinesAsync(path, ["名称,上级机关", .. DemoAgencies.All.Select(a => $"{a.Name},{a.Parent}")]);
        return path;
    }
}

using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Sqlite;

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

    [Theory]
    [InlineData("0")]
    [InlineData("100001")]
    [InlineData("二千")]
    public async Task A_chunk_size_out_of_range_is_refused_naming_the_option_and_its_range(string chunk)
    {
        var store = new CliRunner("sqlite:" + _folder.File("store.db"));
        var ledger = _folder.File("ledger.csv");
        await File.WriteAllTextAsync(ledger, $"{Header}\nB-1,某区教育委员会,2023-05-06,自然人,当面,,,\n");

        var result = await store.RunAsync("import", ledger, "--chunk", chunk);
        await store.SucceedAsync("export", "--output", _folder.File("all.csv"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"--chunk（每个事务写入的案件数）的值“{chunk}”无效：须为 1 到 100000 之间的整数。", result.Error + result.Output, StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(_folder.File("all.csv")));
    }

    [Fact]
    public async Task A_chunk_of_one_case_imports_every_case_of_the_file()
    {
        var store = new CliRunner("sqlite:" + _folder.File("store.db"));
        var ledger = _folder.File("ledger.csv");
        await File.WriteAllTextAsync(ledger, $"{Header}\nB-1,某区教育委员会,2023-05-06,自然人,当面,,,\n"
            + "B-2,某区教育委员会,2023-05-08,自然人,当面,2023-05-20,予以公开,\nB-3,某区教育委员会,2023-05-09,商业企业,网络,,,\n");

        var result = await store.SucceedAsync("import", ledger, "--chunk", "1");
        await store.SucceedAsync("export", "--output", _folder.File("all.csv"));

        Assert.Contains("新建 3 件", result.Output, StringComparison.Ordinal);
        Assert.Contains("共写入 4 个事件", result.Output, StringComparison.Ordinal);
        var exported = await File.ReadAllLinesAsync(_folder.File("all.csv"));
        Assert.Equal(["B-1", "B-2", "B-3"], exported.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_error()
    {
        var result = await new CliRunner("sqlite:" + _folder.File("store.db")).RunAsync("import", _folder.File("missing.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("不存在", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_import_with_a_number_the_agency_gave_another_case_is_refused_naming_the_row()
    {
        var store = new CliRunner("sqlite:" + _folder.File("store.db"));
        var first = _folder.File("first.csv");
        var later = _folder.File("later.csv");
        await File.WriteAllTextAsync(first, $"{Header}\nB-1,某区教育委员会,2023-05-06,自然人,当面,,,\n");
        await File.WriteAllTextAsync(later, $"{Header}\nB-2,某区教育委员会,2023-06-01,自然人,当面,,,\nB-1,某区教育委员会,2023-06-02,商业企业,网络,,,\n");
        await store.SucceedAsync("import", first);

        var result = await store.RunAsync("import", later);
        await store.SucceedAsync("export", "--output", _folder.File("all.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("第3行「收到日期」：台账的收到日期、申请人类型、申请方式（2023-06-02、商业企业、网络）与系统中已登记的（2023-05-06、", result.Error, StringComparison.Ordinal);
        Assert.Contains("未导入任何内容", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await File.ReadAllLinesAsync(_folder.File("all.csv"))).Length);
    }

    [Fact]
    public async Task A_ledger_row_with_a_number_registered_live_in_its_agency_is_refused_naming_the_row_and_nothing_is_written()
    {
        var store = new CliRunner("sqlite:" + _folder.File("store.db"));
        var live = Guid.NewGuid();
        await using (var events = await SqliteEventStore.OpenAsync(_folder.File("store.db")))
        {
            var received = new CaseEvent.Received(live, "某区教育委员会", "B-1", new DateOnly(2023, 5, 6), Channel.Online, ApplicantType.NaturalPerson, null, "某信息", "纸质");
            var appended = await events.AppendAsync(CaseStreams.For(live), ExpectedVersion.NoStream,
                [new NewEvent(Guid.NewGuid(), received, new EventMetadata("cw-01", Guid.NewGuid()))], [UniqueClaim.For(received)]);
            Assert.IsType<AppendResult.Appended>(appended);
        }

        var ledger = _folder.File("ledger.csv");
        await File.WriteAllTextAsync(ledger, $"{Header}\nB-2,某区教育委员会,2023-05-10,自然人,当面,,,\n B-1 ,某区教育委员会,2023-05-06,自然人,当面,,,\nB-1,某区卫生健康委员会,2023-05-06,自然人,当面,,,\n");

        var result = await store.RunAsync("import", ledger);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"第3行「编号」：编号“B-1”在本机关（某区教育委员会）已登记（案件 {live}），不能重复登记：同一机关的编号必须唯一。", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("第2行", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("第4行", result.Error, StringComparison.Ordinal);
        Assert.Contains("未导入任何内容", result.Error, StringComparison.Ordinal);
        await using var after = await SqliteEventStore.OpenAsync(_folder.File("store.db"));
        Assert.Equal([CaseStreams.For(live)], (await after.ReadAllAsync(LogPosition.Start, 100)).Select(e => e.StreamId));
    }

    public void Dispose() => _folder.Dispose();
}

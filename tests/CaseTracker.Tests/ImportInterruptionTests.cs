using System.Diagnostics;
using CaseTracker.Agencies;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sqlite;
using CaseTracker.Ledger;
using CaseTracker.Ledger.Import;
using CaseTracker.ReadModels;
using CaseTracker.Testing;

namespace CaseTracker.Tests;

/// <summary>
/// An import cut short half-way (an exception between chunks; a killed process) leaves its journal behind: the next
/// import says so, and importing the same file again completes it without writing anything twice.
/// </summary>
public sealed class ImportInterruptionTests : IDisposable
{
    private const string Header = "编号,办理机关,收到日期,申请人类型,申请方式,答复日期,答复类型,具体情形";
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task An_import_stopped_after_its_first_chunk_is_reported_and_completed_by_importing_the_file_again()
    {
        var path = _folder.File("store.db");
        var ledger = _folder.File("台账.csv");
        // Five cases, the second one answered: six events in all.
        await File.WriteAllTextAsync(ledger, Header + "\n"
            + "D-1,某区教育委员会,2023-05-06,自然人,当面,,,\n"
            + "D-2,某区教育委员会,2023-05-08,自然人,网络,2023-05-20,予以公开,\n"
            + "D-3,某区教育委员会,2023-05-09,自然人,当面,,,\n"
            + "D-4,某区教育委员会,2023-05-10,自然人,当面,,,\n"
            + "D-5,某区教育委员会,2023-05-11,自然人,当面,,,\n");
        var store = await SqliteEventStore.OpenAsync(path);
        var documents = new DocumentStore(store, TimeProvider.System);
        var import = new LedgerImport(store, new StreamIndex(store), new AgencyDirectory(documents), CasePolicy.Default, documents) { ChunkSize = 2 };
        LedgerImportPlan plan;
        await using (var file = File.OpenRead(ledger))
        {
            plan = LedgerImporter.Plan(file, new LedgerImportOptions { FileName = "台账.csv" });
        }

        // The first chunk (D-1, D-2) commits; the import dies before the second, as a crash would.
        var crash = new Progress(() => throw new IOException("simulated crash"));
        await Assert.ThrowsAsync<IOException>(() => import.WriteAsync(plan, "台账.csv", "import:test", crash, default));

        var journal = await documents.ListAsync<LedgerImportRun>(LedgerImportRun.Collection);
        var run = Assert.Single(journal).Value;
        Assert.Equal(("台账.csv", 5, 2), (run.File, run.Cases, run.CasesWritten));
        Assert.Equal(3, await store.CountAfterAsync(LogPosition.Start));

        var again = await new CliRunner("sqlite:" + path).SucceedAsync("import", ledger);

        Assert.Contains("上次导入“台账.csv”", again.Error, StringComparison.Ordinal);
        Assert.Contains("中断前已写入 2/5 件", again.Error, StringComparison.Ordinal);
        Assert.Contains("已将其补全", again.Error, StringComparison.Ordinal);
        Assert.Contains("新建 3 件", again.Output, StringComparison.Ordinal);
        Assert.Equal(6, await store.CountAfterAsync(LogPosition.Start));
        Assert.Empty(await documents.ListAsync<LedgerImportRun>(LedgerImportRun.Collection));

        // Nothing left to say the next time.
        var third = await new CliRunner("sqlite:" + path).SucceedAsync("import", ledger);
        Assert.DoesNotContain("中断", third.Error, StringComparison.Ordinal);
        Assert.Equal(6, await store.CountAfterAsync(LogPosition.Start));
    }

    [Fact]
    public async Task A_killed_import_process_leaves_whole_chunks_and_a_journal_that_the_next_import_completes()
    {
        var path = _folder.File("store.db");
        var ledger = _folder.File("big.csv");
        const int Rows = 4500; // three chunks of at most 2,000 cases; none answered: one event per case
        await File.WriteAllLinesAsync(ledger, new[] { Header }.Concat(Enumerable.Range(1, Rows)
            .Select(i => $"K-{i},某区教育委员会,2023-05-{1 + (i % 28):00},自然人,当面,,,")));
        var store = await SqliteEventStore.OpenAsync(path);
        var documents = new DocumentStore(store, TimeProvider.System);

        var cli = typeof(CaseTracker.Cli.CliApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "import", ledger, "--chunk", "2000", "--store", "sqlite:" + path })
        {
            start.ArgumentList.Add(arg);
        }

        using (var child = Process.Start(start)!)
        {
            _ = child.StandardOutput.ReadToEndAsync();
            _ = child.StandardError.ReadToEndAsync();
            // Killed (SIGKILL, no clean-up) once its first chunk is in and before it is done.
            await Eventually.ReturnsAsync(
                async () => child.HasExited || (await documents.ListAsync<LedgerImportRun>(LedgerImportRun.Collection)).Any(d => d.Value.CasesWritten > 0),
                seen => seen, "the child to have written its first chunk", TimeSpan.FromMinutes(5));
            Assert.False(child.HasExited, "the import finished before it could be killed");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        var written = await store.CountAfterAsync(LogPosition.Start);
        Assert.True(written is 2000 or 4000, $"{written} events: only whole chunks of 2,000 cases may be left by a kill");
        var run = Assert.Single(await documents.ListAsync<LedgerImportRun>(LedgerImportRun.Collection)).Value;
        Assert.Equal(Rows, run.Cases);

        var again = await new CliRunner("sqlite:" + path).SucceedAsync("import", ledger);

        Assert.Contains("中途中断", again.Error, StringComparison.Ordinal);
        Assert.Contains("已将其补全", again.Error, StringComparison.Ordinal);
        Assert.Contains($"新建 {Rows - written} 件", again.Output, StringComparison.Ordinal);
        Assert.Equal(Rows, await store.CountAfterAsync(LogPosition.Start));
        Assert.Empty(await documents.ListAsync<LedgerImportRun>(LedgerImportRun.Collection));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private sealed class Progress(Action report) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value) => report();
    }
}

using System.Diagnostics;
using CaseTracker.Agencies;
using CaseTracker.Benchmarks.Import;
using CaseTracker.Calendar;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Documents;
using CaseTracker.Ledger;
using CaseTracker.Ledger.Import;
using CaseTracker.ReadModels;

namespace CaseTracker.Benchmarks.ImportMemory;

/// <summary>
/// Issue 14's memory row for the import (<c>import-memory [rows…]</c>): each ledger imported into a new SQLite store in
/// a process of its own, once as <c>casetracker import</c> does (the plan keeps each row's key, the cases are read again
/// chunk by chunk) and once with a plan holding every case, printing the process's peak working set and the managed
/// heap after planning and after writing the events (<c>import-memory [streamed|held] [rows…]</c>). Bounded: the streamed import's peak does not grow with the ledger.
/// </summary>
public static class ImportMemoryBenchmark
{
    public static async Task<int> RunAsync(string[] args, Func<string[][], Task<int>> eachInItsOwnProcess)
    {
        var modes = args.Length > 1 && args[1] is "streamed" or "held" ? [args[1]] : new[] { "streamed", "held" };
        var numbers = args.Skip(1).Where(a => a is not ("streamed" or "held")).ToList();
        var sizes = numbers.Count > 0 ? numbers.Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [20_000, 100_000];
        var folder = Directory.CreateTempSubdirectory("casetracker-import-memory-");
        try
        {
            var runs = new List<string[]>();
            foreach (var size in sizes)
            {
                var ledger = Path.Combine(folder.FullName, $"ledger-{size}.csv");
                ImportBenchmark.WriteLedger(ledger, size);
                runs.AddRange(modes.Select(mode => new[] { "import-memory-child", mode, ledger }));
            }

            Console.WriteLine($"\nimport-memory: SQLite, each run in its own process, {Environment.ProcessorCount} cores");
            Console.WriteLine($"{"ledger rows",12}{"events",10}  {"plan",-8}{"peak: events / +read models",28}{"heap after plan / events",27}  plan + events + read models");
            return await eachInItsOwnProcess([.. runs]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static long Peak() => Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);

    /// <summary><c>import-memory-child streamed|held LEDGER</c>: one import, one line.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var (mode, ledger) = (args[1], args[2]);
        var folder = Directory.CreateTempSubdirectory("casetracker-import-memory-store-");
        try
        {
            var store = await new StoreLocation(StoreKind.Sqlite, Path.Combine(folder.FullName, "store.db")).OpenAsync(TimeProvider.System, CancellationToken.None);
            var documents = new DocumentStore(store, TimeProvider.System);
            var import = new LedgerImport(store, new StreamIndex(store), new AgencyDirectory(documents), CasePolicy.Default, documents);
            var readModels = new ReadModelSet(store, store, new PolicySource(CasePolicy.Default, documents));
            var options = new LedgerImportOptions { FileName = Path.GetFileName(ledger), KeepCases = mode != "streamed" };
            var watch = Stopwatch.StartNew();
            LedgerImportPlan plan;
            await using (var stream = File.OpenRead(ledger))
            {
                plan = LedgerImporter.Plan(stream, options);
            }

            var heap = GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024);
            var planned = watch.Elapsed;
            var result = options.KeepCases
                ? await import.WriteAsync(plan, options.FileName, "benchmark", null, CancellationToken.None)
                : await import.WriteAsync(plan, () => File.OpenRead(ledger), options, "benchmark", null, CancellationToken.None);
            var written = watch.Elapsed;
            var peakWritten = Peak();
            var heapWritten = GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024);
            await readModels.CatchUpAsync(null, CancellationToken.None);
            var elapsed = watch.Elapsed;
            Console.WriteLine($"{plan.RowsToImport.Count,12:N0}{result.EventsWritten,10:N0}  {mode,-8}{peakWritten,9:N0} / {Peak(),4:N0} MB{heap,8:N0} / {heapWritten,3:N0} MB"
                + $"{planned.TotalSeconds,10:F1} + {(written - planned).TotalSeconds:F1} + {(elapsed - written).TotalSeconds:F1} s  (load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
            await store.DisposeAsync();
            return result.Problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}

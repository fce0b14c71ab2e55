using System.Diagnostics;
using CaseTracker.Agencies;
using CaseTracker.Benchmarks.Import;
using CaseTracker.Benchmarks.SpeedStore;
using CaseTracker.Calendar;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Sql;
using CaseTracker.Ledger;
using CaseTracker.Ledger.Import;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;

namespace CaseTracker.Benchmarks.SpeedAppend;

/// <summary>
/// The append rows of issue 14 without the read models (<c>speed-append sqlite|postgres [rows] [parts]</c>), for
/// profiling and quick side-by-side figures: the import's event-writing phase against a plain bulk insert of the same
/// rows, then the single and batched appends of <c>speed-store</c>. parts: any of <c>import,single,batch</c> (default all).
/// </summary>
public static class SpeedAppendBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var parts = args.Length > 3 ? args[3].Split(',') : ["import", "single", "batch"];
        await RunAsync(args[1], rows, parts, Console.Out);
        return 0;
    }

    public static async Task RunAsync(string adapter, int rows, IReadOnlyCollection<string> parts, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("casetracker-speed-append-");
        // CASETRACKER_BENCH_POSTGRES: an empty database of a server of one's own (e.g. with statement logging), else an
        // ephemeral durable server.
        var configured = Environment.GetEnvironmentVariable("CASETRACKER_BENCH_POSTGRES");
        await using var postgres = adapter == "postgres" && string.IsNullOrWhiteSpace(configured)
            ? await CaseTracker.Testing.EphemeralPostgres.StartAsync(durable: true)
            : null;
        try
        {
            var location = adapter != "postgres"
                ? new StoreLocation(StoreKind.Sqlite, Path.Combine(folder.FullName, "store.db"))
                : new StoreLocation(StoreKind.Postgres, postgres?.ConnectionString ?? configured!);
            var store = (SqlEventStore)await location.OpenAsync(TimeProvider.System, CancellationToken.None);
            output.WriteLine($"\nspeed-append {adapter}: {rows:N0}-row ledger, load {SpeedStoreBenchmark.LoadAverage()}");
            if (parts.Contains("import"))
            {
                var ledger = Path.Combine(folder.FullName, "ledger.csv");
                ImportBenchmark.WriteLedger(ledger, rows);
                var documents = new DocumentStore(store, TimeProvider.System);
                var timed = new TimedStore(store);
                var import = new LedgerImport(timed, new StreamIndex(store), new AgencyDirectory(documents), CasePolicy.Default, documents);
                LedgerImportPlan plan;
                AllocationSampler.Phase("start");
                await using (var stream = File.OpenRead(ledger))
                {
                    plan = LedgerImporter.Plan(stream, new LedgerImportOptions { FileName = "ledger.csv" });
                }

                AllocationSampler.Phase("plan");
                var io = ProcessIo.Now();
                var watch = Stopwatch.StartNew();
                var result = await import.WriteAsync(plan, "ledger.csv", "benchmark", null, CancellationToken.None);
                var written = watch.Elapsed;
                var ioWritten = ProcessIo.Now() - io;
                AllocationSampler.Phase("import: write events");
                var (bulkTime, bulkRows) = await PlainBulk.InsertSameRowsAsync(store);
                AllocationSampler.Phase("plain bulk insert");
                output.WriteLine($"write events: {result.EventsWritten:N0} events in {written.TotalSeconds:F1} s, {ioWritten}; of which AppendManyAsync {timed.AppendManyTime.TotalSeconds:F1} s, CPU {timed.AppendManyCpu.TotalSeconds:F1} s; plain bulk {bulkTime.TotalSeconds:F1} s"
                    + $" (load {SpeedStoreBenchmark.LoadAverage()})");
                SpeedStoreBenchmark.Row(output, "import: writing the events, events/s", result.EventsWritten / written.TotalSeconds, bulkRows / bulkTime.TotalSeconds,
                    "(baseline: plain bulk insert of the same rows)");
            }

            await SpeedStoreBenchmark.AppendRowsAsync(store, output, parts.Contains("single"), parts.Contains("batch"));
            await store.DisposeAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}

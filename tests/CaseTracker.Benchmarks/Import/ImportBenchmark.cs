using System.Diagnostics;
using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Composition;
using CaseTracker.Demo;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Sql;
using CaseTracker.Ledger;
using CaseTracker.Ledger.Export;
using CaseTracker.Ledger.Import;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;

namespace CaseTracker.Benchmarks.Import;

/// <summary>
/// A 100,000-row ledger imported into an empty store, the way <c>casetracker import</c> does it: read and check the
/// file, write the cases, bring the read models up to date. One adapter per process, so that peak memory is its own.
/// </summary>
public static class ImportBenchmark
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    public static async Task RunAsync(string adapter, int rows, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("casetracker-import-bench-");
        await using var postgres = adapter == "postgres" ? await CaseTracker.Testing.EphemeralPostgres.StartAsync(durable: true) : null;
        try
        {
            var ledger = Path.Combine(folder.FullName, "ledger.csv");
            var ledgerRows = WriteLedger(ledger, rows);
            var location = postgres is null ? new StoreLocation(StoreKind.Sqlite, Path.Combine(folder.FullName, "store.db")) : new StoreLocation(StoreKind.Postgres, postgres.ConnectionString);
            var store = await location.OpenAsync(TimeProvider.System, CancellationToken.None);
            var documents = new DocumentStore(store, TimeProvider.System);
            var import = new LedgerImport(store, new StreamIndex(store), new AgencyDirectory(documents), CasePolicy.Default);
            var readModels = new ReadModelSet(store, store, new PolicySource(CasePolicy.Default, documents));

            var watch = Stopwatch.StartNew();
            LedgerImportPlan plan;
            await using (var stream = File.OpenRead(ledger))
            {
                plan = LedgerImporter.Plan(stream, new LedgerImportOptions { FileName = "ledger.csv" });
            }

            var planned = watch.Elapsed;
            var result = await import.WriteAsync(plan, "ledger.csv", "benchmark", null, CancellationToken.None);
            var written = watch.Elapsed - planned;
            var perModel = new List<string>();
            foreach (var runner in readModels.Runners)
            {
                var started = watch.Elapsed;
                await runner.CatchUpAsync(null, CancellationToken.None);
                perModel.Add($"{(await runner.StatusAsync(CancellationToken.None)).Name} {(watch.Elapsed - started).TotalSeconds:F1} s");
            }

            var total = watch.Elapsed;
            var caughtUp = total - planned - written;
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }

            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            output.WriteLine($"import {adapter}: {ledgerRows:N0} rows, {result.EventsWritten:N0} events | read+check {planned.TotalSeconds:F1} s | write {written.TotalSeconds:F1} s | read models {caughtUp.TotalSeconds:F1} s ({string.Join(", ", perModel)}) | total {total.TotalSeconds:F1} s = {ledgerRows / total.TotalSeconds:N0} rows/s | peak working set {peak} MB");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    internal static int WriteLedger(string path, int rows)
    {
        var cases = new DemoCases(7, Today, CasePolicy.Default).Generate(rows / 4, 4).Select(demo =>
        {
            var state = CaseDecider.DecideAll(demo.Commands, CaseState.Initial, CasePolicy.Default).State;
            return new LedgerExportRow(state, StatutoryClock.Read(state, Today, CasePolicy.Default.Calendar, ClockSettings.Default));
        }).ToList();
        using var file = File.Create(path);
        LedgerExport.WriteCsv(file, cases);
        return cases.Count;
    }
}

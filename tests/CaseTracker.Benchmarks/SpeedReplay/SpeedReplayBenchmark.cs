using System.Diagnostics;
using CaseTracker.Agencies;
using CaseTracker.Benchmarks.Import;
using CaseTracker.Benchmarks.SpeedStore;
using CaseTracker.Calendar;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using CaseTracker.Ledger;
using CaseTracker.Ledger.Import;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.Testing;

namespace CaseTracker.Benchmarks.SpeedReplay;

/// <summary>
/// <c>speed-replay sqlite|postgres [rows] [rounds]</c>: the read models' rebuild of issue 14 alone, side by side in one run
/// on one imported ledger: the incremental path (reset, then a catch-up committing every 20,000 events) against the
/// bulk path (<see cref="ProjectionRunner.RebuildTogetherAsync"/>) and a plain ordered read of the log, round by round,
/// each with its CPU time and bytes written.
/// </summary>
public static class SpeedReplayBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var adapter = args[1];
        var rows = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2;
        await using var bench = await BenchStore.OpenAsync(adapter, "speed-replay", rows);
        var (postgres, ledger, ledgerRows, store, import, readModels) = (bench.Postgres, bench.Ledger, bench.LedgerRows, bench.Store, bench.Import, bench.ReadModels);
        LedgerImportPlan plan;
        await using (var stream = File.OpenRead(ledger))
        {
            plan = LedgerImporter.Plan(stream, new LedgerImportOptions { FileName = "ledger.csv" });
        }

        await import.WriteAsync(plan, "ledger.csv", "benchmark", null, CancellationToken.None);
        await store.LogShowsEverythingAsync();
        var events = await store.CountAfterAsync(LogPosition.Start);
        Console.WriteLine($"speed-replay {adapter}: {ledgerRows:N0}-row ledger, {events:N0} events, load {SpeedStoreBenchmark.LoadAverage()}");
        Console.WriteLine($"  catch-up after the import (bulk): {await MeasureAsync(() => readModels.CatchUpAsync(null, CancellationToken.None))}");
        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine($"round {round}, load {SpeedStoreBenchmark.LoadAverage()}");
            if (Environment.GetEnvironmentVariable("SPEED_REPLAY_ONLY") == "bulk")
            {
                Console.WriteLine($"  bulk rebuild:        {await MeasureAsync(() => readModels.RebuildAsync(null, CancellationToken.None))}");
                Console.WriteLine($"  store's log read:    {await MeasureAsync(() => ReadThroughAsync(store))}");
                continue;
            }

            Console.WriteLine($"  incremental rebuild: {await MeasureAsync(async () =>
            {
                foreach (var runner in readModels.Runners)
                {
                    await runner.ResetAsync();
                }

                await ProjectionRunner.CatchUpTogetherAsync(readModels.Runners);
            })}");
            Console.WriteLine($"  bulk rebuild:        {await MeasureAsync(() => readModels.RebuildAsync(null, CancellationToken.None))}");
            Console.WriteLine($"  plain read:          {await MeasureAsync(() => PlainBulk.ReadLogAsync(store))}");
        }

        return 0;

        // What the read models' path reads: the log through IEventStore (events deserialized), page by page, nothing applied.
        static async Task ReadThroughAsync(IEventStore store)
        {
            var position = LogPosition.Start;
            while ((await store.ReadAllAsync(position, 5_000)) is { Count: > 0 } page)
            {
                position = page[^1].Position;
            }
        }

        async Task<string> MeasureAsync(Func<Task> run)
        {
            var port = postgres is null ? 0 : new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString).Port;
            var server = port == 0 ? TimeSpan.Zero : ServerCpu.Of(port);
            ProcessIo.ResetPeak();
            var startMb = Environment.WorkingSet / (1024 * 1024);
            var io = ProcessIo.Now();
            var watch = Stopwatch.StartNew();
            await run();
            var elapsed = watch.Elapsed;
            var serverCpu = port == 0 ? "" : $", server CPU {(ServerCpu.Of(port) - server).TotalSeconds:F1} s";
            return $"{elapsed.TotalSeconds,6:F2} s wall, {ProcessIo.Now() - io}{serverCpu}, peak working set {ProcessIo.PeakMb()} MB (at start {startMb} MB, managed heap at end {GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024)} MB), load {SpeedStoreBenchmark.LoadAverage()}";
        }
    }
}

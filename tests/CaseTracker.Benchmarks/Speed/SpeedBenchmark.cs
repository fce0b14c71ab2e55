using System.Diagnostics;

namespace CaseTracker.Benchmarks.Speed;

/// <summary>
/// Every row of issue 14's table in one command and one process (<c>speed [rows]</c>): the event-store rows
/// (<see cref="SpeedStore.SpeedStoreBenchmark"/>: import, single and batched append, replay, each beside its plain
/// baseline measured in the same run on the same database) and the web-host rows (<see cref="HostSpeed.HostSpeedBenchmark"/>:
/// dashboard, case list and milestone latency at 50 requests/s from a load generator in this process, export), on
/// SQLite and then on PostgreSQL (an ephemeral server each), then the year-end report over 1,000,000 cases. Each part
/// prints its own table as it goes. Peak-memory figures are the process's peak so far, so only the first part's are its
/// own: for memory, run <c>speed-store</c> / <c>speed-host</c> per store (each in a process of its own).
/// </summary>
public static class SpeedBenchmark
{
    public static async Task RunAsync(int rows, TextWriter output)
    {
        var total = Stopwatch.StartNew();
        foreach (var adapter in new[] { "sqlite", "postgres" })
        {
            output.WriteLine($"=== {adapter}: event store, {rows:N0}-row ledger ===");
            await SpeedStore.SpeedStoreBenchmark.RunAsync(adapter, rows, output);
            output.WriteLine($"=== {adapter}: web host, {rows:N0} open cases ===");
            await HostSpeed.HostSpeedBenchmark.RunAsync(adapter, rows, output);
        }

        output.WriteLine("=== year-end report, 1,000,000 cases (target ≤ 1 s) ===");
        Reports.ReportBenchmark.Run([1_000_000], output);
        output.WriteLine($"speed: every row measured in {total.Elapsed.TotalMinutes:F1} min");
    }
}

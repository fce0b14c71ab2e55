using System.Diagnostics;
using CaseTracker.Benchmarks.Import;
using CaseTracker.Benchmarks.Reports;
using CaseTracker.Benchmarks.Store;

namespace CaseTracker.Benchmarks;

/// <summary>
/// Speed measurements that print numbers (never asserted in tests). Verbs: <c>store</c>, <c>import [sqlite|postgres] [rows]</c>, <c>report [sizes…]</c>, <c>report-store [size]</c>, <c>speed [rows]</c> (every row of issue 14 on both stores).
/// <c>dotnet run -c Release --project tests/CaseTracker.Benchmarks -- store</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var allocations = AllocationSampler.FromEnvironment();
        try
        {
            return await RunAsync(args);
        }
        finally
        {
            allocations?.Print(Console.Error);
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "store":
                await StoreBenchmark.RunAsync();
                return 0;
            case "import" when args.Length > 1:
                await ImportBenchmark.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000, Console.Out);
                return 0;
            case "import-memory":
                return await ImportMemory.ImportMemoryBenchmark.RunAsync(args, runs => EachInItsOwnProcessAsync(runs));
            case "import-memory-child":
                return await ImportMemory.ImportMemoryBenchmark.RunChildAsync(args);
            case "import":
                return await EachInItsOwnProcessAsync(["import", "sqlite"], ["import", "postgres"]);
            case "hostile" when args.Length == 2:
                HostileLedgerBenchmark.Run(args[1], Console.Out);
                return 0;
            case "hostile":
                return await EachInItsOwnProcessAsync(HostileLedgerBenchmark.Kinds.Select(k => new[] { "hostile", k }).ToArray());
            case "report-store" when args.Length == 2:
                await StoredReportBenchmark.RunAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
                return 0;
            case "report-store":
                return await EachInItsOwnProcessAsync(["report-store", "10000"], ["report-store", "100000"], ["report-store", "1000000"]);
            case "search" when args.Length > 1:
                await Search.SearchBenchmark.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000, Console.Out);
                return 0;
            case "search":
                return await EachInItsOwnProcessAsync(["search", "sqlite"], ["search", "postgres"]);
            case "speed-store":
                return args.Length > 1 ? await SpeedStore.SpeedStoreBenchmark.RunAsync(args) : await EachInItsOwnProcessAsync(["speed-store", "sqlite"], ["speed-store", "postgres"]);
            case "speed-append" when args.Length > 1:
                return await SpeedAppend.SpeedAppendBenchmark.RunAsync(args);
            case "speed-replay" when args.Length > 1:
                return await SpeedReplay.SpeedReplayBenchmark.RunAsync(args);
            case "speed-host" when args.Length > 1:
                if (await HostSpeed.HostSpeedBenchmark.InTheProductsGcAsync(args) is { } exitCode)
                {
                    return exitCode;
                }

                await HostSpeed.HostSpeedBenchmark.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000, Console.Out, args.Length > 3 ? args[3] : null);
                return 0;
            case "speed-host":
                return await EachInItsOwnProcessAsync(["speed-host", "sqlite"], ["speed-host", "postgres"]);
            case "speed":
                await Speed.SpeedBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000, Console.Out);
                return 0;
            case "report":
                ReportBenchmark.Run(args.Length > 1 ? args[1..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000, 1_000_000], Console.Out);
                return 0;
            default:
                Console.Error.WriteLine("usage: CaseTracker.Benchmarks store | import [sqlite|postgres] [rows] | report [sizes…] | report-store [size] | search [sqlite|postgres] [cases] | hostile [kind] | speed-store [sqlite|postgres] [rows] | speed-host [sqlite|postgres] [cases] [keep-dir] | speed [rows]");
                return 2;
        }
    }

    /// <summary>Runs each argument list as a child process of this program, so each measures its own peak memory.</summary>
    private static async Task<int> EachInItsOwnProcessAsync(params string[][] runs)
    {
        foreach (var run in runs)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                start.ArgumentList.Add(typeof(Program).Assembly.Location);
            }

            foreach (var arg in run)
            {
                start.ArgumentList.Add(arg);
            }

            using var child = Process.Start(start)!;
            await child.WaitForExitAsync();
            if (child.ExitCode != 0)
            {
                return child.ExitCode;
            }
        }

        return 0;
    }
}

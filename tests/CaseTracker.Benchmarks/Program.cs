using CaseTracker.Benchmarks.Store;

namespace CaseTracker.Benchmarks;

/// <summary>
/// Speed measurements that print numbers (never asserted in tests). Verbs: <c>store</c>.
/// <c>dotnet run -c Release --project tests/CaseTracker.Benchmarks -- store</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "store":
                await StoreBenchmark.RunAsync();
                return 0;
            default:
                Console.Error.WriteLine("usage: CaseTracker.Benchmarks store");
                return 2;
        }
    }
}

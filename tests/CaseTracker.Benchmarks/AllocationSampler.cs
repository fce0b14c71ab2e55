using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace CaseTracker.Benchmarks;

/// <summary>
/// Where the bytes go, by type: with <c>CASETRACKER_BENCH_ALLOCATIONS=N</c> the runtime's allocation ticks (one every
/// ~100 KB allocated, naming the type of the object that crossed it) are added up per type and the N largest printed
/// to standard error when the benchmark ends. A sample, not a count: each tick stands for the ~100 KB before it.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int GcKeyword = 0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private readonly int _top;
    private long _total;

    private AllocationSampler(int top) => _top = top;

    /// <summary>The sampler of this process, if the environment asked for one.</summary>
    public static AllocationSampler? Current { get; private set; }

    public static AllocationSampler? FromEnvironment() =>
        Current = int.TryParse(Environment.GetEnvironmentVariable("CASETRACKER_BENCH_ALLOCATIONS"), out var top) && top > 0 ? new AllocationSampler(top) : null;

    /// <summary>Prints what was sampled since the last phase (to standard error) and starts counting again.</summary>
    public static void Phase(string name)
    {
        if (Current is { } sampler)
        {
            Console.Error.WriteLine($"--- allocations of phase: {name}");
            sampler.Print(Console.Error);
            sampler._bytes.Clear();
            Interlocked.Exchange(ref sampler._total, 0);
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
        {
            return;
        }

        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload![t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload![a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, b) => b + amount);
        Interlocked.Add(ref _total, amount);
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"allocation sample: {_total / 1048576.0:N0} MB in ticks; largest types:");
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(_top))
        {
            output.WriteLine($"  {bytes / 1048576.0,9:N1} MB  {100.0 * bytes / Math.Max(1, _total),5:N1} %  {type}");
        }
    }
}

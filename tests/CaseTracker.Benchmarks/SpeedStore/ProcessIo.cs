using System.Diagnostics;
using System.Globalization;

namespace CaseTracker.Benchmarks.SpeedStore;

/// <summary>
/// The process's CPU time, its write system calls and bytes (<c>/proc/self/io</c>, Linux) and the bytes it allocated on
/// the managed heap (all threads): on a loaded machine the wall clock says little, these say what a phase cost.
/// </summary>
internal readonly record struct ProcessIo(TimeSpan Cpu, long WriteCalls, long WriteBytes, long Allocated)
{
    public static ProcessIo Now()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        if (!File.Exists("/proc/self/io"))
        {
            return new ProcessIo(cpu, 0, 0, allocated);
        }

        var fields = File.ReadAllLines("/proc/self/io").Select(l => l.Split(':', 2)).ToDictionary(p => p[0], p => long.Parse(p[1].Trim(), CultureInfo.InvariantCulture));
        return new ProcessIo(cpu, fields.GetValueOrDefault("syscw"), fields.GetValueOrDefault("wchar"), allocated);
    }

    /// <summary>The process's peak working set (VmHWM) in MB.</summary>
    public static long PeakMb()
    {
        Process.GetCurrentProcess().Refresh();
        return Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
    }

    /// <summary>
    /// Starts the peak working set again from the current one (Linux: <c>5</c> into <c>/proc/self/clear_refs</c>), so that
    /// <see cref="PeakMb"/> gives a phase's own peak; returns the peak so far. Elsewhere: nothing reset.
    /// </summary>
    public static long ResetPeak()
    {
        var peak = PeakMb();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return peak;
    }

    public static ProcessIo operator -(ProcessIo a, ProcessIo b) =>
        new(a.Cpu - b.Cpu, a.WriteCalls - b.WriteCalls, a.WriteBytes - b.WriteBytes, a.Allocated - b.Allocated);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"CPU {Cpu.TotalSeconds:F1} s, {WriteCalls:N0} writes, {WriteBytes / (1024.0 * 1024):N0} MB, allocated {Allocated / (1024.0 * 1024):N0} MB");
}

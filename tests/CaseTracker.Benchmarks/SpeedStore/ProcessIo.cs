using System.Diagnostics;
using System.Globalization;

namespace CaseTracker.Benchmarks.SpeedStore;

/// <summary>
/// The process's CPU time and its write system calls and bytes (<c>/proc/self/io</c>, Linux): on a loaded machine the
/// wall clock says little, these say what a phase cost.
/// </summary>
internal readonly record struct ProcessIo(TimeSpan Cpu, long WriteCalls, long WriteBytes)
{
    public static ProcessIo Now()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        if (!File.Exists("/proc/self/io"))
        {
            return new ProcessIo(cpu, 0, 0);
        }

        var fields = File.ReadAllLines("/proc/self/io").Select(l => l.Split(':', 2)).ToDictionary(p => p[0], p => long.Parse(p[1].Trim(), CultureInfo.InvariantCulture));
        return new ProcessIo(cpu, fields.GetValueOrDefault("syscw"), fields.GetValueOrDefault("wchar"));
    }

    public static ProcessIo operator -(ProcessIo a, ProcessIo b) => new(a.Cpu - b.Cpu, a.WriteCalls - b.WriteCalls, a.WriteBytes - b.WriteBytes);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"CPU {Cpu.TotalSeconds:F1} s, {WriteCalls:N0} writes, {WriteBytes / (1024.0 * 1024):N0} MB");
}

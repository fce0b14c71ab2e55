using System.Globalization;

namespace CaseTracker.Benchmarks.SpeedReplay;

/// <summary>
/// The CPU time of the PostgreSQL server listening on a port (Linux /proc): its postmaster's own and reaped children's
/// time plus its live backends'. What the client's CPU does not show.
/// </summary>
internal static class ServerCpu
{
    public static TimeSpan Of(int port)
    {
        var stats = Directory.EnumerateDirectories("/proc")
            .Select(d => Path.GetFileName(d))
            .Where(p => p.All(char.IsAsciiDigit))
            .Select(p => (Pid: p, Stat: Read($"/proc/{p}/stat"), Command: Read($"/proc/{p}/cmdline").Replace('\0', ' ')))
            .Where(p => p.Stat.Length > 0)
            .ToList();
        var postmaster = stats.FirstOrDefault(p => p.Command.Contains($"-p {port} ", StringComparison.Ordinal) && p.Stat.Contains("(postgres)", StringComparison.Ordinal));
        if (postmaster.Pid is null)
        {
            return TimeSpan.Zero;
        }

        long ticks = Fields(postmaster.Stat) is var own ? own[11] + own[12] + own[13] + own[14] : 0;
        foreach (var child in stats.Where(p => Fields(p.Stat)[1] == long.Parse(postmaster.Pid, CultureInfo.InvariantCulture)))
        {
            var f = Fields(child.Stat);
            ticks += f[11] + f[12];
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>The numeric fields after the command name: [0] state (0), [1] ppid, …, [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static long[] Fields(string stat) =>
        stat[(stat.LastIndexOf(')') + 2)..].Split(' ').Take(15).Select(v => long.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}

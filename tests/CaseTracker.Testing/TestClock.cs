using System.Globalization;

namespace CaseTracker.Testing;

/// <summary>
/// The business date every test host runs on, whatever the real date: the product's clock starts at <see cref="Start"/>
/// (2026-11-30 09:00 in Beijing, a Monday, by default) and runs on with real elapsed time, so leases and timeouts still
/// work. Set <c>CASETRACKER_CLOCK_START</c> in the environment (e.g. <c>2028-03-15T09:00:00+08:00</c>) to run the tests on
/// another date; a test's meaning must not depend on it. Hosts get it through that same setting (the product's
/// <c>RunningClock</c>): <see cref="Install"/> puts it in the process environment for verbs run in-process and child processes.
/// </summary>
public static class TestClock
{
    public const string Setting = "CASETRACKER_CLOCK_START";

    private static readonly DateTimeOffset DefaultStart = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly long Origin = TimeProvider.System.GetTimestamp();

    /// <summary>The instant the product's clock starts at: the environment's setting, else 2026-11-30T09:00:00+08:00.</summary>
    public static DateTimeOffset Start { get; } =
        Environment.GetEnvironmentVariable(Setting) is { Length: > 0 } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)
            : DefaultStart;

    /// <summary>As the setting's value.</summary>
    public static string StartText => Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Today in Asia/Shanghai on the test clock (what the hosts' <c>time.Today()</c> reads).</summary>
    public static DateOnly Today =>
        DateOnly.FromDateTime((Start + TimeProvider.System.GetElapsedTime(Origin)).ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>A clock starting at <see cref="Start"/> now, for services composed by hand.</summary>
    public static TimeProvider Provider() => new Running(Start);

    /// <summary>Puts the setting in this process's environment (kept if already set), once, before any host is built.</summary>
    public static void Install() => Environment.SetEnvironmentVariable(Setting, StartText);

    private sealed class Running(DateTimeOffset start) : TimeProvider
    {
        private readonly long _origin = System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(_origin);
    }
}

using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CaseTracker.Pipeline;

/// <summary>
/// The product's clock: <see cref="TimeProvider.System"/>, unless the setting <c>CASETRACKER_CLOCK_START</c> names an
/// instant (ISO 8601 with offset, e.g. <c>2026-11-30T09:00:00+08:00</c>): then the clock starts there when the process
/// composes its container and runs on with real elapsed time, so leases, timeouts and timers still work. For tests,
/// training and demonstrations on a fixed business date; never set it on a production host.
/// </summary>
public sealed class RunningClock : TimeProvider
{
    public const string Setting = "CASETRACKER_CLOCK_START";

    private readonly DateTimeOffset _start;
    private readonly long _origin;

    public RunningClock(DateTimeOffset start)
    {
        _start = start.ToUniversalTime();
        _origin = GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow() => _start + GetElapsedTime(_origin);

    /// <summary>The clock the setting asks for: <see cref="TimeProvider.System"/> when it is not set.</summary>
    public static TimeProvider From(IConfiguration configuration)
    {
        if (configuration[Setting] is not { Length: > 0 } setting)
        {
            return System;
        }

        var text = setting.Trim();
        var hasOffset = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? new RunningClock(start)
            : throw new UserError(Setting, $"设置 {Setting} 的值“{setting}”无效：应为带时区的时刻，例如 2026-11-30T09:00:00+08:00。");
    }
}

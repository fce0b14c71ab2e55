using System.Globalization;
using CaseTracker.Domain.Clock;
using static CaseTracker.Domain.Tests.Support.A;

namespace CaseTracker.Domain.Tests.Clock;

/// <summary>
/// LateClockCases.csv: a missed deadline stays missed. Every expected value was worked out by hand from calendar.md
/// (derivation in the last column), never by running the clock.
/// </summary>
public class LateClockTableTests
{
    private static readonly IReadOnlyList<string[]> Rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Clock", "LateClockCases.csv"))
        .Where(line => line.StartsWith('L'))
        .Select(line => line.Split(',', 10))
        .ToList();

    public static TheoryData<string> Ids => new(Rows.Select(r => r[0]));

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_clock_gives_the_hand_worked_reading(string id)
    {
        var f = Rows.Single(r => r[0] == id);
        var (receipt, events, asOf, deadline, status, overdue, closedLate, late) = (f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
        var state = new ClockCase(id, receipt, events, "", asOf, deadline, false, "", overdue, status, f[9]).Build();

        var reading = StatutoryClock.Read(state, D(asOf), WorkingCalendar(), ClockSettings.Default);

        Assert.Equal(deadline.Length == 0 ? null : D(deadline), reading.Deadline);
        Assert.Equal(Enum.Parse<CaseStatus>(status), reading.Status);
        if (overdue.Length > 0)
        {
            Assert.Equal(bool.Parse(overdue), reading.Overdue);
        }

        if (closedLate.Length > 0)
        {
            Assert.Equal(bool.Parse(closedLate), reading.ClosedLate);
        }

        var expectedLate = late.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expectedLate, reading.LateMilestones);
    }

    [Fact]
    public void The_table_has_at_least_30_cases_each_with_its_derivation()
    {
        Assert.True(Rows.Count >= 30, $"{Rows.Count} cases");
        Assert.Equal(Rows.Count, Rows.Select(r => r[0]).Distinct().Count());
        Assert.All(Rows, r => Assert.False(string.IsNullOrWhiteSpace(r[9])));
    }

    private static CaseTracker.Domain.Calendar.WorkingCalendar WorkingCalendar() => CaseTracker.Domain.Calendar.WorkingCalendar.BuiltIn;
}

using CaseTracker.Domain.Clock;
using static CaseTracker.Domain.Tests.Support.A;

namespace CaseTracker.Domain.Tests.Clock;

/// <summary>The date table: every expected value in ClockCases.csv was worked out by hand (derivation in the last column).</summary>
public class ClockTableTests
{
    public static TheoryData<string> Ids => new(ClockCase.All.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_clock_gives_the_hand_worked_deadline(string id)
    {
        var row = ClockCase.All.Single(c => c.Id == id);

        var reading = StatutoryClock.Read(row.Build(), D(row.AsOf), row.Calendar, row.ClockSettings);

        Assert.Equal(row.Deadline.Length == 0 ? null : D(row.Deadline), reading.Deadline);
        Assert.Equal(row.Provisional, reading.Provisional);
        if (row.DaysLeft.Length > 0)
        {
            Assert.Equal(int.Parse(row.DaysLeft, System.Globalization.CultureInfo.InvariantCulture), reading.WorkingDaysLeft);
        }

        if (row.Overdue.Length > 0)
        {
            Assert.Equal(bool.Parse(row.Overdue), reading.Overdue);
        }

        if (row.Status.Length > 0)
        {
            Assert.Equal(Enum.Parse<CaseStatus>(row.Status), reading.Status);
        }
    }

    [Fact]
    public void The_table_has_at_least_45_cases_across_2016_to_2026_with_a_derivation_each()
    {
        Assert.True(ClockCase.All.Count >= 45, $"{ClockCase.All.Count} cases");
        Assert.Equal(ClockCase.All.Count, ClockCase.All.Select(c => c.Id).Distinct().Count());
        Assert.All(ClockCase.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Derivation)));
        var years = ClockCase.All.Select(c => D(c.Receipt).Year).ToHashSet();
        Assert.All(Enumerable.Range(2016, 11), year => Assert.Contains(year, years));
    }
}

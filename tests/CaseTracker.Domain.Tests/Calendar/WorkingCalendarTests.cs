using System.Globalization;
using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Tests.Support;
using static CaseTracker.Domain.Tests.Support.A;

namespace CaseTracker.Domain.Tests.Calendar;

/// <summary>The working-day calendar is data (国务院办公厅 yearly notices): checksums, spec table, run-time extension, bad input.</summary>
public class WorkingCalendarTests
{
    [Theory]
    [InlineData(2016, 250)]
    [InlineData(2017, 249)]
    [InlineData(2018, 250)]
    [InlineData(2019, 250)]
    [InlineData(2020, 249)]
    [InlineData(2021, 250)]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void The_built_in_calendar_reproduces_the_yearly_working_day_counts(int year, int workingDays)
    {
        Assert.Equal(workingDays, WorkingCalendar.BuiltIn.WorkingDaysIn(year));
    }

    [Fact]
    public void The_built_in_calendar_lists_exactly_the_dates_of_the_spec_table()
    {
        var expected = new List<(DateOnly, DayKind)>();
        var path = Path.Combine(AppContext.BaseDirectory, "Calendar", "calendar-md-table.txt");
        foreach (var cells in File.ReadLines(path).Where(l => l.StartsWith("| 20", StringComparison.Ordinal)).Select(l => l.Split('|')))
        {
            var year = cells[1].Trim();
            expected.AddRange(Dates(year, cells[3]).Select(d => (d, DayKind.Holiday)));
            expected.AddRange(Dates(year, cells[4]).Select(d => (d, DayKind.Workday)));
        }

        var actual = WorkingCalendar.BuiltIn.Entries.Select(e => (e.Date, e.Kind));
        Assert.Equal(expected.Order(), actual.Order());
        Assert.Equal(Enumerable.Range(2016, 11), WorkingCalendar.BuiltIn.CoveredYears.Order());
        Assert.All(WorkingCalendar.BuiltIn.Entries, e => Assert.Contains("国务院办公厅", e.Notice));
    }

    [Fact]
    public void The_Spring_Festival_2020_extension_removed_the_make_up_Saturday_of_1_February()
    {
        Assert.False(WorkingCalendar.BuiltIn.IsWorkingDay(D("2020-02-01")));
        Assert.False(WorkingCalendar.BuiltIn.IsWorkingDay(D("2020-01-31")));
        Assert.True(WorkingCalendar.BuiltIn.IsWorkingDay(D("2020-01-19")));
    }

    [Fact]
    public void Counting_is_after_the_first_date_up_to_and_including_the_second()
    {
        // 2023-09-28 (Thu) to 2023-10-09 (Mon): 09-29..10-06 off, 10-07 and 10-08 make-up, 10-09 = 3.
        Assert.Equal((3, false), WorkingCalendar.BuiltIn.CountWorkingDays(D("2023-09-28"), D("2023-10-09")));
        Assert.Equal(new CalendarDate(D("2023-10-09"), false), WorkingCalendar.BuiltIn.AddWorkingDays(D("2023-09-28"), 3));
    }

    [Fact]
    public void A_year_without_data_is_not_covered_and_what_depends_on_it_is_provisional()
    {
        Assert.False(WorkingCalendar.BuiltIn.Covers(D("2027-01-01")));
        // 2026-12-30 (Wed): 12-31 (1), 2027-01-01 (2, weekday without data).
        Assert.Equal(new CalendarDate(D("2027-01-01"), true), WorkingCalendar.BuiltIn.AddWorkingDays(D("2026-12-30"), 2));
        Assert.True(WorkingCalendar.BuiltIn.CountWorkingDays(D("2026-12-30"), D("2027-01-04")).Provisional);
    }

    [Fact]
    public void Loading_the_2027_notice_at_run_time_makes_a_2027_deadline_firm()
    {
        var state = CaseDecider.Fold([Received("2026-12-10")]);
        var before = StatutoryClock.Read(state, D("2026-12-10"), WorkingCalendar.BuiltIn, ClockSettings.Default);

        var calendar = WorkingCalendar.BuiltIn.With(WorkingCalendar.Parse(Notice2027.Text));
        var after = StatutoryClock.Read(state, D("2026-12-10"), calendar, ClockSettings.Default);

        // 12-11 (1), 12-14..12-18 (6), 12-21..12-25 (11), 12-28..12-31 (15); then 01-01 counted as a weekday (16),
        // 01-04..01-07 (20) before the notice; with it 01-01 is a holiday and 01-04..01-08 make 20.
        Assert.Equal((D("2027-01-07"), true), (before.Deadline!.Value, before.Provisional));
        Assert.Equal((D("2027-01-08"), false), (after.Deadline!.Value, after.Provisional));
        Assert.True(calendar.Covers(D("2027-06-01")));
        Assert.Equal(2016, calendar.CoveredYears.Min());
        Assert.False(WorkingCalendar.BuiltIn.Covers(D("2027-06-01")));
    }

    [Fact]
    public void A_partly_loaded_year_is_used_but_stays_provisional_until_its_notice_is_marked_complete()
    {
        var partial = WorkingCalendar.BuiltIn.With(WorkingCalendar.Parse("date,kind,notice\n2027-01-01,holiday,国务院办公厅关于2027年部分节假日安排的通知\n"));
        var whole = WorkingCalendar.BuiltIn.With(WorkingCalendar.Parse(
            "date,kind,notice\n2027-01-01,holiday,国务院办公厅关于2027年部分节假日安排的通知\n2027,complete,国务院办公厅关于2027年部分节假日安排的通知\n"));

        // 2026-12-30 (Wed): 12-31 (1); 2027-01-01 is a holiday in both; 01-04 (2).
        Assert.Equal(new CalendarDate(D("2027-01-04"), true), partial.AddWorkingDays(D("2026-12-30"), 2));
        Assert.Equal(new CalendarDate(D("2027-01-04"), false), whole.AddWorkingDays(D("2026-12-30"), 2));
        Assert.False(partial.Covers(D("2027-06-01")));
        Assert.Contains(2027, partial.ListedYears);
        Assert.True(whole.Covers(D("2027-06-01")));
    }

    [Fact]
    public void A_complete_mark_must_name_a_year_once()
    {
        Assert.Throws<CalendarFormatException>(() => WorkingCalendar.Parse("2027-01-01,complete,通知"));
        Assert.Throws<CalendarFormatException>(() => WorkingCalendar.Parse("2027,complete,通知\n2027,完整,通知"));
    }

    [Fact]
    public void Reloading_a_year_without_its_mark_makes_it_provisional_again()
    {
        var corrected = WorkingCalendar.BuiltIn.With(WorkingCalendar.Parse("2026-01-01,holiday,更正中的通知"));

        Assert.False(corrected.Covers(D("2026-06-01")));
        Assert.True(corrected.Covers(D("2025-06-01")));
    }

    [Fact]
    public void A_notice_loaded_over_a_year_replaces_that_year_whole()
    {
        // 2026 has 261 weekdays (365 days from a Thursday: 52 weeks + 1 Thursday); a notice listing only 01-01 leaves 260.
        var corrected = WorkingCalendar.BuiltIn.With(WorkingCalendar.Parse("2026-01-01,holiday,更正后的通知"));

        Assert.Equal(260, corrected.WorkingDaysIn(2026));
        Assert.Equal(249, corrected.WorkingDaysIn(2023));
    }

    [Fact]
    public void The_calendar_round_trips_through_its_data_file()
    {
        var again = WorkingCalendar.Parse(WorkingCalendar.BuiltIn.ToCsv());

        Assert.Equal(WorkingCalendar.BuiltIn.Entries, again.Entries);
    }

    [Fact]
    public void Chinese_kinds_Windows_line_ends_and_a_byte_order_mark_are_accepted()
    {
        var calendar = WorkingCalendar.Parse("\uFEFFdate,kind,notice\r\n2027-01-01,休,通知\r\n2027-02-20,班,通知\r\n");

        Assert.False(calendar.IsWorkingDay(D("2027-01-01")));
        Assert.True(calendar.IsWorkingDay(D("2027-02-20")));
    }

    [Theory]
    [InlineData("2027-01-01,holiday", 1, "三列")]
    [InlineData("# 注释\ndate,kind,notice\n2027-01-01,holiday,  ", 3, "通知")]
    [InlineData("2027-13-01,holiday,通知", 1, "日期")]
    [InlineData("2027/01/01,holiday,通知", 1, "yyyy-MM-dd")]
    [InlineData("2027-01-01,holiday,通知\n2027-01-05,rest,通知", 2, "类型")]
    [InlineData("2027-01-04,workday,通知", 1, "是工作日")]
    [InlineData("\n\n2027-01-02,holiday,通知", 3, "是周末")]
    [InlineData("2027-01-01,holiday,通知\n# x\n2027-01-01,休,通知", 3, "重复")]
    public void A_malformed_calendar_line_gives_a_Chinese_error_naming_the_line(string text, int line, string says)
    {
        var error = Assert.Throws<CalendarFormatException>(() => WorkingCalendar.Parse(text));

        Assert.StartsWith($"节假日数据第{line}行", error.Message);
        Assert.Contains(says, error.Message);
        Scenario.AssertChinese(error.Message);
    }

    private static IEnumerable<DateOnly> Dates(string year, string cell) =>
        cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(md => DateOnly.ParseExact($"{year}-{md}", "yyyy-MM-dd", CultureInfo.InvariantCulture));
}

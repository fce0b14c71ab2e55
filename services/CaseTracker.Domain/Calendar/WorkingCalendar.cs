using System.Collections.Frozen;
using System.Globalization;

namespace CaseTracker.Domain.Calendar;

public enum DayKind
{
    /// <summary>A weekday that the State Council's notice makes a holiday.</summary>
    Holiday,

    /// <summary>A weekend day that the notice makes a working day (调休上班).</summary>
    Workday,
}

public sealed record CalendarEntry(DateOnly Date, DayKind Kind, string Notice);

/// <summary>A date and whether it rests on a day the calendar has no data for.</summary>
public readonly record struct CalendarDate(DateOnly Date, bool Provisional);

public sealed class CalendarFormatException(string message) : Exception(message);

/// <summary>
/// 工作日 under the State Council's yearly holiday notices. The calendar is data: a year with no
/// notice loaded is not silently treated as weekdays only — results that depend on it are provisional.
/// </summary>
public sealed class WorkingCalendar
{
    private static readonly Lazy<WorkingCalendar> BuiltInCalendar = new(LoadBuiltIn);
    private readonly FrozenDictionary<DateOnly, CalendarEntry> _entries;

    private WorkingCalendar(IEnumerable<CalendarEntry> entries, IEnumerable<int> coveredYears)
    {
        _entries = entries.ToFrozenDictionary(e => e.Date);
        CoveredYears = coveredYears.Order().ToFrozenSet();
    }

    /// <summary>The notices of 2016–2026 shipped with the product.</summary>
    public static WorkingCalendar BuiltIn => BuiltInCalendar.Value;

    public IReadOnlySet<int> CoveredYears { get; }

    public IReadOnlyList<CalendarEntry> Entries => _entries.Values.OrderBy(e => e.Date).ToList();

    /// <summary>Reads the data file: <c>date,kind,notice</c>, '#' comments; a year is covered once any date of it is listed.</summary>
    public static WorkingCalendar Parse(string csv)
    {
        var entries = new List<CalendarEntry>();
        var lineNumber = 0;
        foreach (var raw in csv.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("date,", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split(',', 3);
            if (parts.Length < 3 || parts[2].Trim().Length == 0)
            {
                throw new CalendarFormatException($"节假日数据第{lineNumber}行：应为“日期,类型,通知”三列，且必须注明依据的通知。");
            }

            if (!DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new CalendarFormatException($"节假日数据第{lineNumber}行：日期“{parts[0]}”无效，应为 yyyy-MM-dd 格式。");
            }

            var kind = parts[1].Trim() switch
            {
                "holiday" or "休" => DayKind.Holiday,
                "workday" or "班" => DayKind.Workday,
                _ => throw new CalendarFormatException($"节假日数据第{lineNumber}行：类型“{parts[1]}”无效，应为 holiday（放假）或 workday（调休上班）。"),
            };

            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (kind == DayKind.Workday && !weekend)
            {
                throw new CalendarFormatException($"节假日数据第{lineNumber}行：{date:yyyy-MM-dd}是工作日，不能列为调休上班日。");
            }

            if (kind == DayKind.Holiday && weekend)
            {
                throw new CalendarFormatException($"节假日数据第{lineNumber}行：{date:yyyy-MM-dd}是周末，只需列出落在工作日的放假日期。");
            }

            if (entries.Any(e => e.Date == date))
            {
                throw new CalendarFormatException($"节假日数据第{lineNumber}行：日期{date:yyyy-MM-dd}重复。");
            }

            entries.Add(new CalendarEntry(date, kind, parts[2].Trim()));
        }

        return new WorkingCalendar(entries, entries.Select(e => e.Date.Year).Distinct());
    }

    /// <summary>
    /// Adds a later notice (e.g. next year's). Its dates replace ours, and each year it lists is replaced whole,
    /// so a corrected notice can be loaded over an old one.
    /// </summary>
    public WorkingCalendar With(WorkingCalendar notice)
    {
        var replaced = notice.CoveredYears;
        var kept = _entries.Values.Where(e => !replaced.Contains(e.Date.Year));
        return new WorkingCalendar(kept.Concat(notice._entries.Values), CoveredYears.Union(replaced));
    }

    public bool Covers(DateOnly date) => CoveredYears.Contains(date.Year);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_entries.TryGetValue(date, out var entry))
        {
            return entry.Kind == DayKind.Workday;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The n-th working day after <paramref name="start"/> (day 1 is the first working day after it).</summary>
    public CalendarDate AddWorkingDays(DateOnly start, int days)
    {
        var provisional = false;
        var date = start;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            provisional |= !Covers(date);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return new CalendarDate(date, provisional);
    }

    /// <summary>Working days in (after, until]: after the first date, up to and including the second.</summary>
    public (int Days, bool Provisional) CountWorkingDays(DateOnly after, DateOnly until)
    {
        var days = 0;
        var provisional = false;
        for (var date = after.AddDays(1); date <= until; date = date.AddDays(1))
        {
            provisional |= !Covers(date);
            if (IsWorkingDay(date))
            {
                days++;
            }
        }

        return (days, provisional);
    }

    public int WorkingDaysIn(int year) =>
        CountWorkingDays(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)).Days;

    public string ToCsv() =>
        "date,kind,notice\n" + string.Concat(Entries.Select(e =>
            $"{e.Date:yyyy-MM-dd},{(e.Kind == DayKind.Holiday ? "holiday" : "workday")},{e.Notice}\n"));

    private static WorkingCalendar LoadBuiltIn()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream("CaseTracker.Domain.calendar.csv")
            ?? throw new InvalidOperationException("calendar.csv is not embedded in CaseTracker.Domain");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

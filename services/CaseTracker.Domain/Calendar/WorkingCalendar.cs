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

    private readonly FrozenDictionary<int, string> _complete;

    private WorkingCalendar(IEnumerable<CalendarEntry> entries, IReadOnlyDictionary<int, string> complete)
    {
        _entries = entries.ToFrozenDictionary(e => e.Date);
        _complete = complete.ToFrozenDictionary();
        CoveredYears = _complete.Keys.Order().ToFrozenSet();
        ListedYears = _entries.Keys.Select(d => d.Year).Concat(_complete.Keys).Distinct().Order().ToFrozenSet();
    }

    /// <summary>The notices of 2016–2026 shipped with the product.</summary>
    public static WorkingCalendar BuiltIn => BuiltInCalendar.Value;

    /// <summary>The years whose notice is loaded whole (marked complete): only their dates are firm.</summary>
    public IReadOnlySet<int> CoveredYears { get; }

    /// <summary>The years with any data, complete or not (a partly loaded year is used, but stays provisional).</summary>
    public IReadOnlySet<int> ListedYears { get; }

    public IReadOnlyList<CalendarEntry> Entries => _entries.Values.OrderBy(e => e.Date).ToList();

    /// <summary>
    /// Reads the data file: <c>date,kind,notice</c>, '#' comments. A year counts as covered only when the file marks its
    /// notice as loaded whole, with a line <c>2027,complete,通知名称</c> (or <c>2027,完整,…</c>): a partly typed notice must not
    /// make deadlines firm.
    /// </summary>
    public static WorkingCalendar Parse(string csv)
    {
        var entries = new List<CalendarEntry>();
        var complete = new Dictionary<int, string>();
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

            if (parts[1].Trim() is "complete" or "完整")
            {
                if (!int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2999)
                {
                    throw new CalendarFormatException($"节假日数据第{lineNumber}行：“{parts[0]}”不是年份；标记通知已完整载入应写为“2027,complete,通知名称”。");
                }

                if (!complete.TryAdd(year, parts[2].Trim()))
                {
                    throw new CalendarFormatException($"节假日数据第{lineNumber}行：{year}年的完整标记重复。");
                }

                continue;
            }

            if (!DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new CalendarFormatException($"节假日数据第{lineNumber}行：日期“{parts[0]}”无效，应为 yyyy-MM-dd 格式。");
            }

            // The same years as the completeness marker: a notice dated 9999-12-31 would leave no day after it to count to.
            if (date.Year is < 2000 or > 2999)
            {
                throw new CalendarFormatException($"节假日数据第{lineNumber}行：日期{date:yyyy-MM-dd}超出可载入的年份（2000–2999 年）。");
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

        return new WorkingCalendar(entries, complete);
    }

    /// <summary>
    /// Adds a later notice (e.g. next year's). Its dates replace ours, and each year it lists is replaced whole,
    /// so a corrected notice can be loaded over an old one.
    /// </summary>
    public WorkingCalendar With(WorkingCalendar notice)
    {
        var replaced = notice.ListedYears;
        var kept = _entries.Values.Where(e => !replaced.Contains(e.Date.Year));
        var complete = _complete.Where(c => !replaced.Contains(c.Key)).Concat(notice._complete).ToDictionary();
        return new WorkingCalendar(kept.Concat(notice._entries.Values), complete);
    }

    /// <summary>The data file of one year (its dates, and its complete mark if it has one).</summary>
    public string YearCsv(int year) =>
        "date,kind,notice\n" + string.Concat(Entries.Where(e => e.Date.Year == year).Select(Line))
        + (_complete.TryGetValue(year, out var notice) ? $"{year},complete,{notice}\n" : "");

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
        "date,kind,notice\n" + string.Concat(Entries.Select(Line))
        + string.Concat(_complete.OrderBy(c => c.Key).Select(c => $"{c.Key},complete,{c.Value}\n"));

    private static string Line(CalendarEntry e) =>
        $"{e.Date:yyyy-MM-dd},{(e.Kind == DayKind.Holiday ? "holiday" : "workday")},{e.Notice}\n";

    private static WorkingCalendar LoadBuiltIn()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream("CaseTracker.Domain.calendar.csv")
            ?? throw new InvalidOperationException("calendar.csv is not embedded in CaseTracker.Domain");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

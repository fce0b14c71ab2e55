using CaseTracker.Domain.Calendar;
using CaseTracker.EventStore.Documents;

namespace CaseTracker.Calendar;

/// <summary>A holiday notice an administrator loaded (e.g. next year's), kept in the store and laid over the built-in data.</summary>
public sealed record CalendarNotice(int Year, string Csv, string LoadedBy, DateTimeOffset LoadedAt);

public static class CalendarNotices
{
    public const string Collection = "calendar-notices";

    public static async Task<WorkingCalendar> LoadAsync(DocumentStore documents, CancellationToken ct)
    {
        var calendar = WorkingCalendar.BuiltIn;
        foreach (var notice in (await documents.ListAsync<CalendarNotice>(Collection, ct)).OrderBy(d => d.Value.LoadedAt))
        {
            calendar = calendar.With(WorkingCalendar.Parse(notice.Value.Csv));
        }

        return calendar;
    }

    /// <summary>Checks the notice (every line) and stores it per year it covers; the years it lists replace what was there.</summary>
    public static async Task<IReadOnlyCollection<int>> SaveAsync(DocumentStore documents, string csv, string by, TimeProvider time, CancellationToken ct)
    {
        var notice = WorkingCalendar.Parse(csv);
        if (notice.ListedYears.Count == 0)
        {
            throw new CalendarFormatException("节假日通知没有任何日期。");
        }

        // A year without its "YYYY,complete,通知" line is stored and used, but its deadlines stay provisional.
        var at = time.GetUtcNow();
        var perYear = notice.ListedYears
            .Select(year => (Key: year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Value: new CalendarNotice(year, notice.YearCsv(year), by, at)))
            .ToList();
        await documents.PutManyAsync(Collection, perYear, by, ct: ct);
        return notice.ListedYears.ToList();
    }
}

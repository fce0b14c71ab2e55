namespace CaseTracker.Pipeline;

/// <summary>
/// Today for the agencies, in Asia/Shanghai (China Standard Time, UTC+8 all year, no daylight saving), whatever the
/// server's own time zone: the date pages, verbs and reports read, and the day no business date may be after
/// (domain.md §2).
/// </summary>
public static class BusinessDay
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);
}

namespace CaseTracker.Pipeline;

/// <summary>Today where the product runs: the date pages, verbs and reports read the clock on.</summary>
public static class BusinessDay
{
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}

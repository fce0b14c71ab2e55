namespace CaseTracker.Letters;

public static class ChineseDate
{
    /// <summary>2026年4月1日, as letters write dates.</summary>
    public static string Of(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string Of(DateOnly? date) => date is { } d ? Of(d) : "";
}

namespace CaseTracker.Reporting.Tables;

/// <summary>Five numbers of one group of section 四: 结果维持 结果纠正 其他结果 尚未审结 总计.</summary>
public sealed record AppealCounts(int Upheld, int Corrected, int Other, int Pending, int Total)
{
    public static AppealCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public IReadOnlyList<int> Values => [Upheld, Corrected, Other, Pending, Total];

    public static AppealCounts FromValues(IReadOnlyList<int> v) => new(v[0], v[1], v[2], v[3], v[4]);
}

/// <summary>Section 四 (行政复议、行政诉讼), one row of 15 numbers.</summary>
public sealed record Section4Table(AppealCounts Reconsideration, AppealCounts DirectLawsuit, AppealCounts LawsuitAfterReconsideration)
{
    public static Section4Table Zero { get; } = new(AppealCounts.Zero, AppealCounts.Zero, AppealCounts.Zero);

    public IReadOnlyList<AppealCounts> Groups => [Reconsideration, DirectLawsuit, LawsuitAfterReconsideration];

    /// <summary>The 15 numbers keyed as the JSON shape writes them ("行政复议/结果维持" …).</summary>
    public IEnumerable<KeyValuePair<string, int>> Cells() =>
        Groups.SelectMany((g, gi) => g.Values.Select((v, ci) =>
            KeyValuePair.Create($"{Section4Layout.Groups[gi]}/{Section4Layout.Columns[ci]}", v)));
}

public static class Section4Layout
{
    public const string Reconsideration = "行政复议";
    public const string Lawsuit = "行政诉讼";

    public static readonly IReadOnlyList<string> Groups = [Reconsideration, "行政诉讼/未经复议直接起诉", "行政诉讼/复议后起诉"];

    public static readonly IReadOnlyList<string> Columns = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    public static IReadOnlyList<string> Keys { get; } =
        [.. Groups.SelectMany(g => Columns.Select(c => $"{g}/{c}"))];
}

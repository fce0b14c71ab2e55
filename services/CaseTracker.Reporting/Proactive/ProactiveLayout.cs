using System.Collections.Immutable;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Proactive;

/// <summary>The sub-tables of section 二 as each format prints them (条例第二十条).</summary>
public static class ProactiveLayout
{
    public const string Item1 = "第二十条第（一）项";
    public const string Item5 = "第二十条第（五）项";
    public const string Item6 = "第二十条第（六）项";
    public const string Item8 = "第二十条第（八）项";
    public const string Item9 = "第二十条第（九）项";
    public const string OtherServices = "其他对外管理服务事项";
    public const string Change = "本年增/减";

    /// <summary>Beijing's split of 其他对外管理服务事项 in format 2019.</summary>
    public static readonly IReadOnlyList<string> BeijingLocalRows = ["行政检查", "行政确认"];

    /// <summary>
    /// Empty figures for a format. <paramref name="localRows"/> are the sub-rows an area prints under
    /// 其他对外管理服务事项 in format 2019 (none: the row itself).
    /// </summary>
    public static ProactiveDisclosure Template(string agency, int year, ReportFormat format, IReadOnlyList<string>? localRows = null)
    {
        var tables = format switch
        {
            ReportFormat.Format2021 => Format2021(),
            ReportFormat.Format2019 => Format2019(localRows ?? []),
            _ => [],
        };
        return new ProactiveDisclosure(agency, year, format, [.. tables]);
    }

    public static bool AllowsNegative(string column) => column == Change;

    private static ProactiveTable[] Format2021() =>
    [
        Table(Item1, ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
        Table(Item5, ["本年处理决定数量"], ["行政许可"]),
        Table(Item6, ["本年处理决定数量"], ["行政处罚", "行政强制"]),
        Table(Item8, ["本年收费金额（单位：万元）"], ["行政事业性收费"]),
    ];

    private static ProactiveTable[] Format2019(IReadOnlyList<string> localRows) =>
    [
        Table(Item1, ["本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "规范性文件"]),
        Table(Item5, ["上一年项目数量", Change, "处理决定数量"],
            ["行政许可", .. localRows.Count == 0 ? [OtherServices] : localRows.Select(r => $"{OtherServices}/{r}")]),
        Table(Item6, ["上一年项目数量", Change, "处理决定数量"], ["行政处罚", "行政强制"]),
        Table(Item8, ["上一年项目数量", Change], ["行政事业性收费"]),
        Table(Item9, ["采购项目数量", "采购总金额（万元，保留四位小数）"], ["政府集中采购"]),
    ];

    private static ProactiveTable Table(string caption, string[] columns, string[] rows) => new(
        caption,
        [.. columns.Select(c => new ProactiveColumn(c, c.Contains("万元", StringComparison.Ordinal)))],
        [.. rows.Select(r => new ProactiveRow(r, ImmutableArray.Create(new decimal[columns.Length])))]);
}

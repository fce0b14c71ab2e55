using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Tests.Support;

/// <summary>Section 二 of the published district reports, typed in through the entry model as an agency would.</summary>
public static class TypedSection2
{
    public static ProactiveDisclosure District2023() => Fill(
        ProactiveLayout.Template(Agencies.District, 2023, ReportFormat.Format2021),
        ("第二十条第（一）项", "行政规范性文件", "本年制发件数", 21m),
        ("第二十条第（一）项", "行政规范性文件", "本年废止件数", 15m),
        ("第二十条第（一）项", "行政规范性文件", "现行有效件数", 113m),
        ("第二十条第（五）项", "行政许可", "本年处理决定数量", 45530m),
        ("第二十条第（六）项", "行政处罚", "本年处理决定数量", 15969m),
        ("第二十条第（六）项", "行政强制", "本年处理决定数量", 76m),
        ("第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）", 14828.7092m));

    public static ProactiveDisclosure District2020() => Fill(
        ProactiveLayout.Template(Agencies.District, 2020, ReportFormat.Format2019, ProactiveLayout.BeijingLocalRows),
        ("第二十条第（一）项", "规范性文件", "本年新制作数量", 24m),
        ("第二十条第（一）项", "规范性文件", "本年新公开数量", 24m),
        ("第二十条第（一）项", "规范性文件", "对外公开总数量", 119m),
        ("第二十条第（五）项", "行政许可", "上一年项目数量", 276m),
        ("第二十条第（五）项", "行政许可", "本年增/减", -118m),
        ("第二十条第（五）项", "行政许可", "处理决定数量", 24577m),
        ("第二十条第（五）项", "其他对外管理服务事项/行政检查", "上一年项目数量", 436m),
        ("第二十条第（五）项", "其他对外管理服务事项/行政检查", "本年增/减", -174m),
        ("第二十条第（五）项", "其他对外管理服务事项/行政检查", "处理决定数量", 453518m),
        ("第二十条第（五）项", "其他对外管理服务事项/行政确认", "上一年项目数量", 69m),
        ("第二十条第（五）项", "其他对外管理服务事项/行政确认", "本年增/减", -18m),
        ("第二十条第（五）项", "其他对外管理服务事项/行政确认", "处理决定数量", 76723m),
        ("第二十条第（六）项", "行政处罚", "上一年项目数量", 6609m),
        ("第二十条第（六）项", "行政处罚", "本年增/减", -751m),
        ("第二十条第（六）项", "行政处罚", "处理决定数量", 21706m),
        ("第二十条第（六）项", "行政强制", "上一年项目数量", 86m),
        ("第二十条第（六）项", "行政强制", "本年增/减", 33m),
        ("第二十条第（六）项", "行政强制", "处理决定数量", 10817m),
        ("第二十条第（八）项", "行政事业性收费", "上一年项目数量", 41m),
        ("第二十条第（八）项", "行政事业性收费", "本年增/减", 20m),
        ("第二十条第（九）项", "政府集中采购", "采购项目数量", 2012m),
        ("第二十条第（九）项", "政府集中采购", "采购总金额（万元，保留四位小数）", 44899.2477m));

    public static ProactiveDisclosure Fill(ProactiveDisclosure figures, params (string Caption, string Row, string Column, decimal Value)[] cells)
    {
        foreach (var (caption, row, column, value) in cells)
        {
            var (result, error) = figures.With(caption, row, column, value);
            Assert.Null(error);
            figures = result!;
        }

        return figures;
    }
}

using System.Text.Json.Nodes;
using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Rendering.Json;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Tests.Support;
using CaseTracker.Reporting.Validation;

namespace CaseTracker.Reporting.Tests;

public class ProactiveDisclosureTests
{
    [Fact]
    public void Format_2021_and_format_2019_with_local_rows_are_laid_out_as_the_published_section_two()
    {
        var written2023 = JsonNode.Parse(JsonReportWriter.Write(Report(2023, TypedSection2.District2023())))!;
        var written2020 = JsonNode.Parse(JsonReportWriter.Write(Report(2020, TypedSection2.District2020())))!;

        Assert.True(JsonNode.DeepEquals(Reference.Load(Reference.District2023).Root["section2"], written2023["section2"]));
        Assert.True(JsonNode.DeepEquals(Reference.Load(Reference.District2020).Root["section2"], written2020["section2"]));
    }

    [Fact]
    public void Documents_in_force_continue_from_last_year_plus_issued_minus_repealed()
    {
        var lastYear = TypedSection2.Fill(ProactiveLayout.Template(Agencies.District, 2022, ReportFormat.Format2021),
            ("第二十条第（一）项", "行政规范性文件", "现行有效件数", 107m));
        var wrongLastYear = TypedSection2.Fill(ProactiveLayout.Template(Agencies.District, 2022, ReportFormat.Format2021),
            ("第二十条第（一）项", "行政规范性文件", "现行有效件数", 100m));

        Assert.Empty(ProactiveContinuity.Check(TypedSection2.District2023(), lastYear));
        Assert.Equal(
            ["第二部分第二十条第（一）项“行政规范性文件”·现行有效件数：上年100+本年制发21−本年废止15=106，本年填报113，前后年度不衔接"],
            ProactiveContinuity.Check(TypedSection2.District2023(), wrongLastYear));
    }

    [Fact]
    public void Format_2019_project_counts_continue_from_last_years_count_and_change()
    {
        var lastYear = TypedSection2.Fill(ProactiveLayout.Template(Agencies.District, 2019, ReportFormat.Format2019, ProactiveLayout.BeijingLocalRows),
            ("第二十条第（五）项", "行政许可", "上一年项目数量", 250m),
            ("第二十条第（五）项", "行政许可", "本年增/减", 20m),
            ("第二十条第（一）项", "规范性文件", "对外公开总数量", 95m));

        var problems = ProactiveContinuity.Check(TypedSection2.District2020(), lastYear);

        Assert.Contains("第二部分第二十条第（五）项“行政许可”·上一年项目数量：上年报告250+20=270，本年填报276，前后年度不衔接", problems);
        Assert.DoesNotContain(problems, p => p.Contains("规范性文件", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("行政检查", StringComparison.Ordinal));
    }

    [Fact]
    public void Continuity_of_section_two_is_part_of_validating_against_last_year()
    {
        var lastYear = Report(2022, TypedSection2.Fill(ProactiveLayout.Template(Agencies.District, 2022, ReportFormat.Format2021),
            ("第二十条第（一）项", "行政规范性文件", "现行有效件数", 100m)));

        var problems = TableValidator.Validate(Report(2023, TypedSection2.District2023()), lastYear);

        Assert.Equal(TableProblem.Proactive, problems.Single().Rule);
    }

    [Fact]
    public void Entry_refuses_a_fraction_in_a_count_a_negative_count_and_an_unknown_row()
    {
        var figures = ProactiveLayout.Template(Agencies.District, 2023, ReportFormat.Format2021);

        Assert.Equal("“第二十条第（六）项”·“行政处罚”·“本年处理决定数量”应填写整数，填写的是1.5。",
            figures.With("第二十条第（六）项", "行政处罚", "本年处理决定数量", 1.5m).Error);
        Assert.Equal("“第二十条第（六）项”·“行政处罚”·“本年处理决定数量”不能为负数，填写的是-3。",
            figures.With("第二十条第（六）项", "行政处罚", "本年处理决定数量", -3m).Error);
        Assert.Equal("“第二十条第（六）项”没有“行政许可”行的“本年处理决定数量”栏。",
            figures.With("第二十条第（六）项", "行政许可", "本年处理决定数量", 3m).Error);
        Assert.Equal(14828.7092m, TypedSection2.District2023().Value("第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）"));
    }

    [Fact]
    public void A_whole_area_sums_its_agencies_figures_cell_by_cell()
    {
        var street = TypedSection2.Fill(ProactiveLayout.Template(Agencies.Street, 2023, ReportFormat.Format2021),
            ("第二十条第（六）项", "行政处罚", "本年处理决定数量", 31m),
            ("第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）", 0.0008m));

        var area = ProactiveDisclosure.Sum(Agencies.District, 2023, ReportFormat.Format2021, [TypedSection2.District2023(), street]);

        Assert.Equal(16000m, area.Value("第二十条第（六）项", "行政处罚", "本年处理决定数量"));
        Assert.Equal(14828.71m, area.Value("第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）"));
        Assert.Equal(113m, area.Value("第二十条第（一）项", "行政规范性文件", "现行有效件数"));
    }

    private static AnnualReport Report(int year, ProactiveDisclosure section2)
    {
        var format = ReportFormats.ForYear(year);
        return new AnnualReport(Agencies.District, year, format, null, Section3Table.FromValues(format, new Dictionary<string, int[]>()), Section4Table.Zero, section2);
    }
}

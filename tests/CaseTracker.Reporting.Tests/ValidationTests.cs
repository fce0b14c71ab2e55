using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Rendering.Json;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Tests.Support;
using CaseTracker.Reporting.Validation;

namespace CaseTracker.Reporting.Tests;

public class ValidationTests
{
    [Fact]
    public void Published_2020_district_report_is_flagged_for_its_carried_forward_row_in_every_unbalanced_column()
    {
        var imported = JsonReportReader.Read(Reference.Load(Reference.District2020).Text);

        var problems = TableValidator.Validate(imported.Report!);

        Assert.Equal(
        [
            "第四项“结转下年度继续办理”·自然人列：一+二=1561，三（七）+四=4207，勾稽关系不平",
            "第四项“结转下年度继续办理”·商业企业列：一+二=59，三（七）+四=138，勾稽关系不平",
            "第四项“结转下年度继续办理”·法律服务机构列：一+二=1，三（七）+四=3，勾稽关系不平",
            "第四项“结转下年度继续办理”·总计列：一+二=1621，三（七）+四=4348，勾稽关系不平",
        ], problems.Select(p => p.Message));
        Assert.All(problems, p => Assert.Equal(TableProblem.Identity, p.Rule));
    }

    [Theory]
    [InlineData(Reference.District2023)]
    [InlineData(Reference.Bureau2023)]
    public void Published_2023_reports_are_accepted(string name)
    {
        var imported = JsonReportReader.Read(Reference.Load(name).Text);

        Assert.Empty(imported.Errors);
        Assert.Empty(TableValidator.Validate(imported.Report!));
    }

    [Fact]
    public void Produced_2020_report_balances_where_the_published_one_does_not()
    {
        var report = Golden.Produce(Golden.Year2020, Agencies.WholeDistrict, 2020);

        Assert.Empty(TableValidator.Validate(report));
    }

    [Fact]
    public void This_years_carried_in_must_equal_last_years_carried_forward()
    {
        var published2020 = JsonReportReader.Read(Reference.Load(Reference.District2020).Text).Report!;
        var typed2019 = Typed(2019, ReportFormat.Format2019, new() { ["carried_out"] = [40, 2, 0, 0, 0, 0, 42], ["received"] = [40, 2, 0, 0, 0, 0, 42] });

        var problems = TableValidator.Validate(published2020, typed2019).Where(p => p.Rule == TableProblem.CarriedIn);

        Assert.Equal(
        [
            "第二项“上年结转政府信息公开申请数量”·自然人列：本年=43，2019年第四项“结转下年度继续办理”=40，上下年度不衔接",
            "第二项“上年结转政府信息公开申请数量”·总计列：本年=45，2019年第四项“结转下年度继续办理”=42，上下年度不衔接",
        ], problems.Select(p => p.Message));
    }

    [Fact]
    public void Produced_2023_report_continues_from_the_produced_2022_report()
    {
        var records = Golden.Records(Golden.Year2023);
        var asOf = new DateOnly(2024, 3, 31);
        var report2022 = Counting.AnnualReports.Produce(records, new(Agencies.WholeDistrict, 2022, asOf));
        var report2023 = Counting.AnnualReports.Produce(records, new(Agencies.WholeDistrict, 2023, asOf));

        Assert.Empty(TableValidator.Validate(report2023, report2022));
        Assert.Equal(71, report2022.CarriedOut());
    }

    [Fact]
    public void A_row_that_does_not_add_across_to_its_total_is_named_by_its_cell()
    {
        var table = Typed(2023, ReportFormat.Format2021, new()
        {
            ["received"] = [5, 1, 0, 0, 0, 0, 6],
            ["refused.state_secret"] = [2, 0, 0, 0, 0, 0, 3],
            ["total"] = [2, 0, 0, 0, 0, 0, 3],
            ["carried_out"] = [3, 1, 0, 0, 0, 0, 3],
        });

        var problems = TableValidator.Validate(table).Select(p => p.Message).ToList();

        Assert.Contains("第三项“（三）不予公开/1.属于国家秘密”·总计列：各类申请人之和=2，总计=3，横向合计不平", problems);
        Assert.Contains("第三项“（七）总计”·总计列：各类申请人之和=2，总计=3，横向合计不平", problems);
        Assert.Contains("第四项“结转下年度继续办理”·总计列：各类申请人之和=4，总计=3，横向合计不平", problems);
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void Results_total_must_be_the_sum_of_the_results_rows()
    {
        var table = Typed(2023, ReportFormat.Format2021, new()
        {
            ["received"] = [4, 0, 0, 0, 0, 0, 4],
            ["disclosed"] = [3, 0, 0, 0, 0, 0, 3],
            ["total"] = [4, 0, 0, 0, 0, 0, 4],
        });

        var problems = TableValidator.Validate(table).Select(p => p.Message).ToList();

        Assert.Equal(
        [
            "第三项“（七）总计”·自然人列：第三项各办理结果之和=3，（七）总计=4，纵向合计不平",
            "第三项“（七）总计”·总计列：第三项各办理结果之和=3，（七）总计=4，纵向合计不平",
        ], problems);
    }

    [Fact]
    public void An_appeal_group_whose_total_is_not_the_sum_of_its_results_is_flagged()
    {
        var table = Typed(2023, ReportFormat.Format2021, []) with
        {
            Section4 = Section4Table.Zero with { DirectLawsuit = new AppealCounts(15, 0, 1, 1, 18) },
        };

        var problems = TableValidator.Validate(table).Select(p => p.Message).ToList();

        Assert.Equal(["第四部分（行政复议、行政诉讼）“行政诉讼/未经复议直接起诉”：结果维持+结果纠正+其他结果+尚未审结=17，总计=18，合计不平"], problems);
    }

    [Fact]
    public void Negative_figures_are_flagged()
    {
        var table = Typed(2023, ReportFormat.Format2021, new()
        {
            ["received"] = [-1, 1, 0, 0, 0, 0, 0],
            ["carried_out"] = [-1, 1, 0, 0, 0, 0, 0],
        });

        var problems = TableValidator.Validate(table).Select(p => p.Message).ToList();

        Assert.Equal(
        [
            "第一项“本年新收政府信息公开申请数量”·自然人列：数值为-1，不能为负数",
            "第四项“结转下年度继续办理”·自然人列：数值为-1，不能为负数",
        ], problems);
    }

    private static AnnualReport Typed(int year, ReportFormat format, Dictionary<string, int[]> values) =>
        new(Agencies.District, year, format, null, Section3Table.FromValues(format, values), Section4Table.Zero, null);
}

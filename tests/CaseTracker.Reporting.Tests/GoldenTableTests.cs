using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Tests.Support;

namespace CaseTracker.Reporting.Tests;

public class GoldenTableTests
{
    [Fact]
    public void District_2023_is_reproduced_cell_by_cell_from_case_histories()
    {
        var reference = Reference.Load(Reference.District2023);

        var report = Golden.Produce(Golden.Year2023, Agencies.WholeDistrict, 2023);

        Assert.Equal(ReportFormat.Format2021, report.Format);
        Assert.Equal(reference.Agency, report.Agency);
        AssertRows(reference.Rows, report);
        AssertSection4(reference, report);
    }

    [Fact]
    public void Bureau_2023_with_no_requests_is_produced_in_full_with_every_figure_zero()
    {
        var reference = Reference.Load(Reference.Bureau2023);

        var report = Golden.Produce(Golden.Year2023, AgencySelection.WithEverythingUnder(Agencies.Bureau, Agencies.Tree), 2023);

        Assert.Equal(reference.Agency, report.Agency);
        Assert.Equal(25, report.Section3.Rows.Length);
        AssertRows(reference.Rows, report);
        AssertSection4(reference, report);
    }

    [Fact]
    public void District_2020_in_format_2019_reproduces_every_published_row_but_carries_55_forward_as_the_identity_requires()
    {
        var reference = Reference.Load(Reference.District2020);

        var report = Golden.Produce(Golden.Year2020, Agencies.WholeDistrict, 2020);

        Assert.Equal(ReportFormat.Format2019, report.Format);
        AssertRows(reference.Rows.Where(r => r.Code != "carried_out").ToList(), report, skip: "carried_out");
        Assert.Equal([55, 0, 0, 0, 0, 0, 55], report.Section3.Row("carried_out")!.Values.ToArray());
        Assert.Equal([59, 13, 0, 0, 0, 0, 72], report.Section3.Row("other")!.Values.ToArray());
        Assert.Equal("三、本年度办理结果/（六）其他处理", report.Section3.Row("other")!.Label);
        AssertSection4(reference, report);
    }

    [Fact]
    public void Format_2019_prints_other_handling_as_one_row_and_format_2021_as_three()
    {
        var report2020 = Golden.Produce(Golden.Year2020, Agencies.WholeDistrict, 2020);
        var report2023 = Golden.Produce(Golden.Year2023, Agencies.WholeDistrict, 2023);

        Assert.Equal(23, report2020.Section3.Rows.Length);
        Assert.Equal(25, report2023.Section3.Rows.Length);
        Assert.Null(report2020.Section3.Row("other.other"));
        Assert.Null(report2023.Section3.Row("other"));
    }

    [Fact]
    public void Other_in_2023_is_45_with_no_lapsed_supplement_or_unpaid_fee()
    {
        var report = Golden.Produce(Golden.Year2023, Agencies.WholeDistrict, 2023);

        Assert.Equal(45, report.Section3.Value("other.other", ApplicantColumns.TotalIndex));
        Assert.Equal(0, report.Section3.Value("other.no_supplement", ApplicantColumns.TotalIndex));
        Assert.Equal(0, report.Section3.Value("other.fee_unpaid", ApplicantColumns.TotalIndex));
    }

    private static void AssertRows(IReadOnlyList<(string Code, string Label, int[] Values)> expected, AnnualReport report, string? skip = null)
    {
        var produced = report.Section3.Rows.Where(r => r.Code != skip).ToList();
        Assert.Equal(expected.Select(r => r.Label), produced.Select(r => r.Label));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Code, produced[i].Code);
            for (var c = 0; c < Reference.Columns.Length; c++)
            {
                Assert.True(expected[i].Values[c] == produced[i].Values[c],
                    $"{expected[i].Label}·{Reference.Columns[c]}: expected {expected[i].Values[c]}, produced {produced[i].Values[c]}");
            }
        }
    }

    private static void AssertSection4(Reference reference, AnnualReport report)
    {
        var produced = report.Section4.Cells().ToList();
        Assert.Equal(reference.Section4.Select(p => p.Key), produced.Select(p => p.Key));
        foreach (var (key, value) in reference.Section4)
        {
            Assert.True(value == produced.Single(p => p.Key == key).Value, $"{key}: expected {value}");
        }
    }
}

using CaseTracker.Domain.Cases;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Tests.Support;
using CaseTracker.Reporting.Validation;

namespace CaseTracker.Reporting.Tests;

public class PropertyTests
{
    private static readonly int[] Years = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

    public static TheoryData<int> Seeds => new() { 1, 7, 2024 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_report_adds_up_and_balances_in_every_column_for_every_as_of_date(int seed)
    {
        var records = Golden.Records(RandomHistories.Generate(seed, 600));
        var random = new Random(seed);

        foreach (var asOf in AsOfDates(random))
        {
            foreach (var year in Years)
            {
                var report = AnnualReports.Produce(records, new(Agencies.WholeDistrict, year, asOf));

                Assert.Empty(TableValidator.Validate(report));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Next_years_carried_in_equals_this_years_carried_forward(int seed)
    {
        var records = Golden.Records(RandomHistories.Generate(seed, 600));

        foreach (var asOf in AsOfDates(new Random(seed)))
        {
            foreach (var year in Years.SkipLast(1))
            {
                var thisYear = AnnualReports.Produce(records, new(Agencies.WholeDistrict, year, asOf));
                var nextYear = AnnualReports.Produce(records, new(Agencies.WholeDistrict, year + 1, asOf));

                Assert.Equal(thisYear.Section3.Row("carried_out")!.Values.ToArray(), nextYear.Section3.Row("carried_in")!.Values.ToArray());
                Assert.Empty(TableValidator.Validate(nextYear, thisYear));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_district_is_the_sum_of_its_agencies(int seed)
    {
        var records = Golden.Records(RandomHistories.Generate(seed, 600));
        var members = Agencies.Tree.WithEverythingUnder(Agencies.District);
        Assert.Equal(5, members.Count);

        foreach (var year in Years)
        {
            var asOf = new DateOnly(year + 1, 1, 31);
            var district = Cells.Of(AnnualReports.Produce(records, new(Agencies.WholeDistrict, year, asOf)));
            var parts = members.Select(a => Cells.Of(AnnualReports.Produce(records, new(AgencySelection.Only(a), year, asOf)))).ToList();

            for (var i = 0; i < district.Count; i++)
            {
                Assert.Equal(district[i].Value, parts.Sum(p => p[i].Value));
            }

            Assert.Contains(district, c => c.Value > 0);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_report_as_of_a_date_is_the_report_of_the_histories_as_they_stood_on_that_date(int seed)
    {
        var states = RandomHistories.Generate(seed, 400);
        var records = Golden.Records(states);

        foreach (var asOf in AsOfDates(new Random(seed)))
        {
            var then = states.Select(s => s.AsOf(asOf)).Where(s => s.Exists).Select(CaseRecord.From).ToList();
            foreach (var year in Years)
            {
                var fromFull = Cells.Of(AnnualReports.Produce(records, new(Agencies.WholeDistrict, year, asOf)));
                var fromThen = Cells.Of(AnnualReports.Produce(then, new(Agencies.WholeDistrict, year, asOf)));
                var fromRecordsThen = Cells.Of(AnnualReports.Produce(records.Select(r => r.AsOf(asOf)).OfType<CaseRecord>(), new(Agencies.WholeDistrict, year, asOf)));

                Assert.Equal(fromThen, fromFull);
                Assert.Equal(fromThen, fromRecordsThen);
            }
        }
    }

    [Fact]
    public void Format_2019_counts_the_three_other_rows_of_format_2021_as_one()
    {
        var records = Golden.Records(RandomHistories.Generate(11, 600));
        var asOf = new DateOnly(2024, 3, 31);

        var as2021 = AnnualReports.Produce(records, new(Agencies.WholeDistrict, 2023, asOf));
        var as2019 = AnnualReports.Produce(records, new(Agencies.WholeDistrict, 2023, asOf, ReportFormat.Format2019));

        Assert.Equal(ReportFormat.Format2019, as2019.Format);
        for (var c = 0; c < 7; c++)
        {
            Assert.Equal(
                as2021.Section3.Value("other.no_supplement", c) + as2021.Section3.Value("other.fee_unpaid", c) + as2021.Section3.Value("other.other", c),
                as2019.Section3.Value("other", c));
            Assert.Equal(as2021.Section3.Value("total", c), as2019.Section3.Value("total", c));
        }

        Assert.True(as2021.Section3.Value("other.fee_unpaid", 6) > 0);
    }

    [Fact]
    public void Pre_2019_years_use_the_old_local_categories()
    {
        var records = Golden.Records(RandomHistories.Generate(3, 600));

        var report = AnnualReports.Produce(records, new(Agencies.WholeDistrict, 2018, new DateOnly(2019, 3, 31)));

        Assert.Equal(ReportFormat.Pre2019, report.Format);
        Assert.Equal(
            ["已主动公开", "同意公开", "同意部分公开", "不予公开", "信息不存在", "非本单位掌握", "申请内容不明确", "非政府信息", "已移送档案馆", "其他"],
            report.Section3.Rows.Where(r => r.Code.StartsWith("pre2019.", StringComparison.Ordinal)).Select(r => r.Label.Split('/')[^1]));
        Assert.True(report.Closed() > 0);
        Assert.Empty(TableValidator.Validate(report));
    }

    private static IEnumerable<DateOnly> AsOfDates(Random random) =>
        [new DateOnly(2016, 12, 31), new DateOnly(2019, 5, 14), new DateOnly(2030, 1, 1),
         .. Enumerable.Range(0, 12).Select(_ => new DateOnly(2017, 1, 1).AddDays(random.Next(0, 365 * 9)))];
}

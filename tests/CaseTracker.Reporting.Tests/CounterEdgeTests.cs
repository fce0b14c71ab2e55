using CaseTracker.Domain.Cases;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Tests.Support;

namespace CaseTracker.Reporting.Tests;

/// <summary>
/// Counter edges behind the mutants the last mutation run left standing or only timed out on (a timeout under load is
/// not a kill to trust): a case received on the as-of date, a fee paid at an amount other than the notice's, and the
/// argument each entry point names when it is given nothing.
/// </summary>
public class CounterEdgeTests
{
    private static CaseRecord Open(DateOnly received, FeeRecord? fee = null) =>
        new(Guid.NewGuid(), Agencies.Street, ApplicantType.NaturalPerson, received, null, null, [], Channel.Online, fee);

    [Fact]
    public void A_case_received_on_the_as_of_date_is_counted_one_received_the_day_after_is_not()
    {
        CaseRecord[] records = [Open(new(2024, 6, 30)), Open(new(2024, 7, 1))];

        var report = AnnualReports.Produce(records, new ReportRequest(Agencies.WholeDistrict, 2024, new(2024, 6, 30)));

        // As of 06-30: the case of 06-30 was received in the year and is still open; the case of 07-01 is not there yet.
        Assert.Equal((1, 1), (report.Received(), report.CarriedOut()));
    }

    [Fact]
    public void Section_six_counts_what_was_paid_when_it_differs_from_the_notice()
    {
        // Notice of 300 yuan, 120 paid (part of the request withdrawn after the notice); a notice of 50 paid without an amount recorded.
        CaseRecord[] records =
        [
            Open(new(2024, 3, 1), new FeeRecord(new(2024, 3, 10), 300m, new(2024, 3, 20), 120m)),
            Open(new(2024, 4, 1), new FeeRecord(new(2024, 4, 10), 50m, new(2024, 4, 15), null)),
        ];

        var report = AnnualReports.Produce(records, new ReportRequest(Agencies.WholeDistrict, 2024, new(2024, 12, 31)));

        // Two notices, 300 + 50 = 350 noticed; collected 120 + 50 (the notice's amount where none was recorded) = 170.
        Assert.Equal(new FeeSection(2, 350m, 170m), report.Section6);
    }

    [Fact]
    public void Given_nothing_each_entry_point_names_the_missing_argument()
    {
        var request = new ReportRequest(Agencies.WholeDistrict, 2024, new(2024, 12, 31));
        var accumulator = new ReportAccumulator(request);

        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => AnnualReports.Produce(null!, request)).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => new ReportAccumulator(null!)).ParamName);
        Assert.Equal("record", Assert.Throws<ArgumentNullException>(() => accumulator.Add(null!)).ParamName);
        Assert.Equal("appeal", Assert.Throws<ArgumentNullException>(() => accumulator.AddAgencyAppeal(null!)).ParamName);
    }
}

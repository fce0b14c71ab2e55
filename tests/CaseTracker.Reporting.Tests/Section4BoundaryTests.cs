using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Tests.Support;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Reporting.Tests;

/// <summary>
/// Section 四 on the year's edges (issue 17 item 3): an appeal counts in the year it was filed (01-01 and 12-31 included),
/// with its result when it was concluded on or before the cut-off date (12-31, or the as-of date of a mid-year report),
/// else as 尚未审结. Columns: 维持, 纠正, 其他, 尚未审结, 总计.
/// </summary>
public class Section4BoundaryTests
{
    private static AgencyAppealRecord Appeal(string id, AppealKind kind, DateOnly filed, DateOnly? concluded, AppealResult? result, bool afterReconsideration = false) =>
        new(Agencies.Street, "主动公开", new AppealRecord(id, kind, afterReconsideration, filed, concluded, result));

    private static AnnualReport Produce(int year, DateOnly asOf, params AgencyAppealRecord[] appeals) =>
        AnnualReports.Produce([], new ReportRequest(Agencies.WholeDistrict, year, asOf), appeals);

    [Fact]
    public void An_appeal_filed_on_12_31_counts_in_that_year_and_not_the_next()
    {
        var filed = Appeal("r-1231", AppealKind.Reconsideration, new(2023, 12, 31), new(2024, 2, 1), AppealResult.Upheld);

        // At 2023-12-31 it is not concluded: 尚未审结 in 2023; in 2024 it is not a new appeal.
        Assert.Equal([0, 0, 0, 1, 1], Produce(2023, new(2024, 3, 31), filed).Section4.Reconsideration.Values);
        Assert.Equal([0, 0, 0, 0, 0], Produce(2024, new(2024, 3, 31), filed).Section4.Reconsideration.Values);
    }

    [Fact]
    public void An_appeal_filed_on_01_01_counts_in_that_year_and_not_the_one_before()
    {
        var filed = Appeal("l-0101", AppealKind.Lawsuit, new(2024, 1, 1), new(2024, 5, 6), AppealResult.Corrected);

        Assert.Equal([0, 0, 0, 0, 0], Produce(2023, new(2024, 6, 30), filed).Section4.DirectLawsuit.Values);
        Assert.Equal([0, 1, 0, 0, 1], Produce(2024, new(2024, 6, 30), filed).Section4.DirectLawsuit.Values);
    }

    [Fact]
    public void An_appeal_concluded_on_the_cut_off_date_counts_with_its_result()
    {
        var upheld = Appeal("r-a", AppealKind.Reconsideration, new(2023, 9, 1), new(2023, 12, 31), AppealResult.Upheld);
        var corrected = Appeal("l-b", AppealKind.Lawsuit, new(2023, 9, 4), new(2023, 10, 31), AppealResult.Corrected, afterReconsideration: true);

        var yearEnd = Produce(2023, new(2024, 3, 31), upheld, corrected);
        Assert.Equal([1, 0, 0, 0, 1], yearEnd.Section4.Reconsideration.Values);
        Assert.Equal([0, 1, 0, 0, 1], yearEnd.Section4.LawsuitAfterReconsideration.Values);

        // A report as of 2023-10-31: the lawsuit concluded that day counts as 纠正; the reconsideration is still pending.
        var october = Produce(2023, new(2023, 10, 31), upheld, corrected);
        Assert.Equal([0, 0, 0, 1, 1], october.Section4.Reconsideration.Values);
        Assert.Equal([0, 1, 0, 0, 1], october.Section4.LawsuitAfterReconsideration.Values);
    }

    [Fact]
    public void An_appeal_concluded_the_next_year_is_pending_in_the_year_it_was_filed()
    {
        var nextYear = Appeal("r-next", AppealKind.Reconsideration, new(2023, 12, 15), new(2024, 1, 1), AppealResult.Other);

        Assert.Equal([0, 0, 0, 1, 1], Produce(2023, new(2024, 3, 31), nextYear).Section4.Reconsideration.Values);
        // A report as of the day before the conclusion says the same.
        Assert.Equal([0, 0, 0, 1, 1], Produce(2023, new(2023, 12, 31), nextYear).Section4.Reconsideration.Values);
    }

    [Fact]
    public void A_requests_appeals_on_the_edges_count_the_same_way()
    {
        var received = new DateOnly(2023, 11, 1);
        var state = Cases.Run(
        [
            Cases.Receive(Guid.NewGuid(), Agencies.Street, received, ApplicantType.NaturalPerson, "1"),
            new Answer(new DateOnly(2023, 11, 15), Outcome.RefusedStateSecret, GroundList.None, "答复"),
            new FileReconsideration("R1", new DateOnly(2023, 12, 31), "区政府"),
            new ConcludeReconsideration("R1", new DateOnly(2024, 1, 2), AppealResult.Upheld),
            new FileLawsuit("L1", new DateOnly(2024, 1, 10), "区法院", true),
            new ConcludeLawsuit("L1", new DateOnly(2024, 12, 31), AppealResult.Corrected),
        ]);

        var year2023 = AnnualReports.Produce([CaseRecord.From(state)], new ReportRequest(Agencies.WholeDistrict, 2023, new DateOnly(2025, 3, 31)));
        var year2024 = AnnualReports.Produce([CaseRecord.From(state)], new ReportRequest(Agencies.WholeDistrict, 2024, new DateOnly(2025, 3, 31)));

        Assert.Equal([0, 0, 0, 1, 1], year2023.Section4.Reconsideration.Values);
        Assert.Equal([0, 0, 0, 0, 0], year2023.Section4.LawsuitAfterReconsideration.Values);
        Assert.Equal([0, 0, 0, 0, 0], year2024.Section4.Reconsideration.Values);
        Assert.Equal([0, 1, 0, 0, 1], year2024.Section4.LawsuitAfterReconsideration.Values);
    }
}

using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Tests.Support;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Reporting.Tests;

public class CountingRuleTests
{
    private static readonly DateOnly Received = new(2023, 12, 4);

    [Fact]
    public void An_appeal_concluded_after_the_year_end_is_still_pending_in_the_year_it_was_filed()
    {
        var state = Cases.Run(
        [
            Cases.Receive(Guid.NewGuid(), Agencies.Street, Received, ApplicantType.NaturalPerson, "1"),
            new Answer(Received.AddDays(5), Outcome.RefusedStateSecret, GroundList.None, "答复"),
            new FileReconsideration("R1", new DateOnly(2023, 12, 20), "区政府"),
            new ConcludeReconsideration("R1", new DateOnly(2024, 1, 15), AppealResult.Corrected),
            new FileLawsuit("L1", new DateOnly(2024, 1, 20), "区法院", true),
        ]);

        var year2023 = Produce([state], 2023, new DateOnly(2024, 6, 30));
        var year2024 = Produce([state], 2024, new DateOnly(2024, 6, 30));

        Assert.Equal(new AppealCounts(0, 0, 0, 1, 1), year2023.Section4.Reconsideration);
        Assert.Equal(AppealCounts.Zero, year2024.Section4.Reconsideration);
        Assert.Equal(new AppealCounts(0, 0, 0, 1, 1), year2024.Section4.LawsuitAfterReconsideration);
        Assert.Equal(AppealCounts.Zero, year2024.Section4.DirectLawsuit);
    }

    [Fact]
    public void A_mid_year_snapshot_counts_only_what_had_happened_by_its_date()
    {
        var state = Cases.Run(
        [
            Cases.Receive(Guid.NewGuid(), Agencies.Street, new DateOnly(2023, 3, 1), ApplicantType.CommercialEnterprise, "1"),
            new Answer(new DateOnly(2023, 8, 1), Outcome.DisclosedProvided, GroundList.None, "答复"),
            new FileReconsideration("R1", new DateOnly(2023, 9, 1), "区政府"),
            new ConcludeReconsideration("R1", new DateOnly(2023, 11, 1), AppealResult.Upheld),
        ]);

        var june = Produce([state], 2023, new DateOnly(2023, 6, 30));
        var october = Produce([state], 2023, new DateOnly(2023, 10, 31));
        var yearEnd = Produce([state], 2023, new DateOnly(2023, 12, 31));

        Assert.Equal((1, 0, 1), (june.Received(1), june.Closed(1), june.CarriedOut(1)));
        Assert.Equal((1, 1, 0), (october.Received(1), october.Closed(1), october.CarriedOut(1)));
        Assert.Equal(new AppealCounts(0, 0, 0, 1, 1), october.Section4.Reconsideration);
        Assert.Equal(new AppealCounts(1, 0, 0, 0, 1), yearEnd.Section4.Reconsideration);
    }

    [Fact]
    public void The_column_is_the_applicant_type_as_corrected()
    {
        var state = Cases.Run(
        [
            Cases.Receive(Guid.NewGuid(), Agencies.Street, Received, ApplicantType.NaturalPerson, "1"),
            new CorrectApplicantType(ApplicantType.LegalServiceProvider, "申请人为律师事务所", Received.AddDays(30)),
        ]);

        var report = Produce([state], 2023, new DateOnly(2024, 3, 31));

        Assert.Equal([0, 0, 0, 0, 1, 0, 1], report.Section3.Row("received")!.Values.ToArray());
    }

    [Fact]
    public void A_corrected_outcome_counts_only_in_its_corrected_row()
    {
        var state = Cases.Run(
        [
            Cases.Receive(Guid.NewGuid(), Agencies.Street, Received, ApplicantType.NaturalPerson, "1"),
            new Answer(Received.AddDays(3), Outcome.RefusedStateSecret, GroundList.None, "答复"),
            new CorrectOutcome(Outcome.PartiallyDisclosed, new GroundList([Outcome.RefusedStateSecret]), "实为部分公开", Received.AddDays(40)),
        ]);

        var report = Produce([state], 2023, new DateOnly(2024, 3, 31));

        Assert.Equal(1, report.Section3.Value("partially_disclosed", 0));
        Assert.Equal(0, report.Section3.Value("refused.state_secret", 0));
        Assert.Equal(1, report.Closed());
    }

    [Fact]
    public void Pre_2019_cases_are_counted_in_the_old_local_categories()
    {
        var on = new DateOnly(2018, 5, 2);
        CaseState Case(int n, params CaseCommand[] commands) =>
            Cases.Run([Cases.Receive(Guid.NewGuid(), Agencies.Street, on, ApplicantType.NaturalPerson, $"{n}"), .. commands]);
        var states = new[]
        {
            Case(1, new Answer(on.AddDays(5), Outcome.DisclosedProactivelyPublished, GroundList.None, "")),
            Case(2, new Answer(on.AddDays(5), Outcome.UnavailableHeldByOtherAgency, GroundList.None, "")),
            Case(3, new Answer(on.AddDays(5), Outcome.UnavailableDoesNotExist, GroundList.None, "")),
            Case(4, new RequestSupplement(on.AddDays(1), "请明确", on.AddDays(15)), new LapseSupplement(on.AddDays(20))),
            Case(5, new Withdraw(on.AddDays(2))),
            Case(6),
        };

        var report = Produce(states, 2018, new DateOnly(2019, 3, 31));

        Assert.Equal(ReportFormat.Pre2019, report.Format);
        Assert.Equal(
            [1, 0, 0, 0, 1, 1, 1, 0, 0, 1],
            report.Section3.Rows.Where(r => r.Code.StartsWith("pre2019.", StringComparison.Ordinal)).Select(r => r[0]));
        Assert.Equal("三、本年度办理结果/非本单位掌握", report.Section3.Row("pre2019.6")!.Label);
        Assert.Equal("三、本年度办理结果/总计", report.Section3.Row("total")!.Label);
        Assert.Equal((6, 5, 1), (report.Received(), report.Closed(), report.CarriedOut()));
    }

    [Fact]
    public void The_format_follows_the_year_unless_overridden()
    {
        Assert.Equal(ReportFormat.Pre2019, ReportFormats.ForYear(2018));
        Assert.Equal(ReportFormat.Format2019, ReportFormats.ForYear(2019));
        Assert.Equal(ReportFormat.Format2019, ReportFormats.ForYear(2020));
        Assert.Equal(ReportFormat.Format2021, ReportFormats.ForYear(2021));
        var request = new ReportRequest(AgencySelection.Only(Agencies.Street), 2021, new DateOnly(2022, 1, 31), ReportFormat.Format2019);
        Assert.Equal(ReportFormat.Format2019, AnnualReports.Produce([], request).Format);
    }

    [Fact]
    public void A_damaged_record_is_left_out_and_counted_as_unreadable()
    {
        var accumulator = new ReportAccumulator(new ReportRequest(Agencies.WholeDistrict, 2023, new DateOnly(2024, 3, 31)));

        accumulator.Add(new CaseRecord(Guid.NewGuid(), Agencies.Street, (ApplicantType)42, Received, null, null, []));
        accumulator.Add(new CaseRecord(Guid.NewGuid(), Agencies.Street, ApplicantType.NaturalPerson, Received, Received.AddDays(1), (Outcome)99, []));
        accumulator.Add(new CaseRecord(Guid.NewGuid(), Agencies.Street, ApplicantType.NaturalPerson, Received, null, null, []));

        Assert.Equal((2, 1), (accumulator.RecordsUnreadable, accumulator.CasesCounted));
        Assert.Equal(1, accumulator.Build().Received());
    }

    private static AnnualReport Produce(IEnumerable<CaseState> states, int year, DateOnly asOf) =>
        AnnualReports.Produce(states.Select(CaseRecord.From), new ReportRequest(Agencies.WholeDistrict, year, asOf));
}

using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Publishing;
using CaseTracker.Reporting.Rendering.Json;
using CaseTracker.Reporting.Tests.Support;

namespace CaseTracker.Reporting.Tests;

public class PublishingTests
{
    [Fact]
    public void A_published_report_stays_frozen_and_a_late_logged_answer_shows_as_changed_cells()
    {
        var states = Golden.Year2023.ToList();
        var request = new ReportRequest(Agencies.WholeDistrict, 2023, new DateOnly(2024, 1, 31));
        var published = Publication.Freeze(AnnualReports.Produce(Golden.Records(states), request), new DateOnly(2024, 1, 31)).Published!;
        var open = states.FindIndex(s => !s.IsClosed && s.Receipt!.ApplicantType == ApplicantType.NaturalPerson
            && s.Receipt.On.Year == 2023 && s.Receipt.Agency == Agencies.Street);

        // Logged in February, dated in December: the year's figures move.
        states[open] = Cases.Apply(states[open], new CaseCommand.Answer(new DateOnly(2023, 12, 29), Outcome.DisclosedProvided, GroundList.None, "补登"));
        var reproduced = AnnualReports.Produce(Golden.Records(states), request with { AsOf = new DateOnly(2024, 3, 31) });
        var changes = Publication.Changes(published, reproduced);

        Assert.Equal(
        [
            "第三项“（一）予以公开”·自然人列：公布时为462，现为463（+1）",
            "第三项“（一）予以公开”·总计列：公布时为678，现为679（+1）",
            "第三项“（七）总计”·自然人列：公布时为1311，现为1312（+1）",
            "第三项“（七）总计”·总计列：公布时为1538，现为1539（+1）",
            "第四项“结转下年度继续办理”·自然人列：公布时为41，现为40（-1）",
            "第四项“结转下年度继续办理”·总计列：公布时为41，现为40（-1）",
        ], changes.Select(c => c.Message));
        Assert.Equal(462, published.Report.Section3.Value("disclosed", 0));
    }

    [Fact]
    public void Published_2020_report_differs_from_the_produced_one_only_in_its_carried_forward_row()
    {
        var published = Publication.Thaw(Reference.Load(Reference.District2020).Text, new DateOnly(2021, 1, 31))!;
        var produced = AnnualReports.Produce(Golden.Records(Golden.Year2020),
            new ReportRequest(Agencies.WholeDistrict, 2020, new DateOnly(2021, 3, 31), Section2: published.Report.Section2));

        var changes = Publication.Changes(published, produced);

        Assert.Equal(
        [
            "第四项“结转下年度继续办理”·自然人列：公布时为2701，现为55（-2646）",
            "第四项“结转下年度继续办理”·商业企业列：公布时为79，现为0（-79）",
            "第四项“结转下年度继续办理”·法律服务机构列：公布时为2，现为0（-2）",
            "第四项“结转下年度继续办理”·总计列：公布时为2782，现为55（-2727）",
        ], changes.Select(c => c.Message));
    }

    [Fact]
    public void A_report_that_does_not_add_up_is_not_frozen()
    {
        var imported = JsonReportReader.Read(Reference.Load(Reference.District2020).Text).Report!;

        var result = Publication.Freeze(imported, new DateOnly(2021, 1, 31));

        Assert.Null(result.Published);
        Assert.Equal(4, result.Problems.Count);
    }

    [Fact]
    public void A_frozen_report_read_back_from_its_json_has_no_changes()
    {
        var report = Golden.Produce(Golden.Year2023, Agencies.WholeDistrict, 2023);
        var frozen = Publication.Freeze(report, new DateOnly(2024, 1, 31)).Published!;

        var thawed = Publication.Thaw(frozen.Json, frozen.PublishedOn)!;

        Assert.Empty(Publication.Changes(thawed, report));
        Assert.Equal(1508, thawed.Report.Received());
    }
}

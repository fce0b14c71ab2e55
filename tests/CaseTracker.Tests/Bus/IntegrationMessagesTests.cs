using CaseTracker.Bus;
using CaseTracker.Contracts;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Tests.Bus;

public sealed class IntegrationMessagesTests
{
    private static readonly Guid CaseId = Guid.Parse("7d1c6a8e-2f57-4c2b-9a51-0d6a5b1f9e31");
    private static readonly Guid EventId = Guid.Parse("0b9f4f3a-1111-4c2b-9a51-0d6a5b1f9e31");

    private static readonly Received Receipt = new(
        CaseId, "市生态环境局", "环公开〔2025〕5号", new DateOnly(2025, 11, 3), Channel.Post, ApplicantType.CommercialEnterprise, null, "排污许可", "纸质");

    [Fact]
    public void A_decision_maps_to_CaseDecidedV1_with_the_2021_row_code()
    {
        var decided = new Decided(new DateOnly(2025, 11, 20), Outcome.RefusedStateSecret, GroundList.None, "");

        var messages = IntegrationMessages.From(EventId, decided, CaseDecider.Fold([Receipt, decided]));

        Assert.Equal(
            [new CaseDecidedV1(EventId, CaseId, "市生态环境局", "环公开〔2025〕5号", new DateOnly(2025, 11, 3), new DateOnly(2025, 11, 20), "refused.state_secret", "decided")],
            messages);
    }

    [Fact]
    public void A_withdrawal_closes_the_case_as_withdrawn()
    {
        var withdrawn = new Withdrawn(new DateOnly(2025, 11, 5));

        var message = Assert.IsType<CaseDecidedV1>(Assert.Single(IntegrationMessages.From(EventId, withdrawn, CaseDecider.Fold([Receipt, withdrawn]))));

        Assert.Equal(("withdrawn", "other.other", new DateOnly(2025, 11, 5)), (message.ClosureKind, message.OutcomeCode, message.DecidedOn));
    }

    [Fact]
    public void A_corrected_outcome_is_published_as_CaseCorrectedV1()
    {
        var decided = new Decided(new DateOnly(2025, 11, 20), Outcome.DisclosedProvided, GroundList.None, "");
        var corrected = new OutcomeCorrected(Outcome.UnavailableNotHeld, GroundList.None, "录入错误", new DateOnly(2025, 12, 1));

        var messages = IntegrationMessages.From(EventId, corrected, CaseDecider.Fold([Receipt, decided, corrected]));

        Assert.Equal(
            [new CaseCorrectedV1(EventId, CaseId, new DateOnly(2025, 11, 3), new DateOnly(2025, 11, 20), "unable.not_held", "decided", "录入错误")],
            messages);
    }

    [Fact]
    public void A_corrected_closure_date_is_published_with_the_new_date()
    {
        var decided = new Decided(new DateOnly(2025, 11, 20), Outcome.DisclosedProvided, GroundList.None, "");
        var corrected = new DateCorrected(1, new DateOnly(2025, 11, 19), "日期录错", new DateOnly(2025, 12, 1));

        var message = Assert.IsType<CaseCorrectedV1>(Assert.Single(IntegrationMessages.From(EventId, corrected, CaseDecider.Fold([Receipt, decided, corrected]))));

        Assert.Equal(new DateOnly(2025, 11, 19), message.DecidedOn);
    }

    [Fact]
    public void Milestones_that_do_not_close_a_case_publish_nothing()
    {
        var supplement = new SupplementRequested(new DateOnly(2025, 11, 6), "申请内容", null);
        var decided = new Decided(new DateOnly(2025, 11, 20), Outcome.DisclosedProvided, GroundList.None, "");
        var appeal = new ReconsiderationFiled("复〔2026〕1号", new DateOnly(2026, 1, 5), "市人民政府");
        var supplementDate = new DateCorrected(1, new DateOnly(2025, 11, 7), "日期录错", new DateOnly(2025, 11, 8));

        Assert.Empty(IntegrationMessages.From(EventId, Receipt, CaseDecider.Fold([Receipt])));
        Assert.Empty(IntegrationMessages.From(EventId, supplement, CaseDecider.Fold([Receipt, supplement])));
        Assert.Empty(IntegrationMessages.From(EventId, supplementDate, CaseDecider.Fold([Receipt, supplement, supplementDate])));
        Assert.Empty(IntegrationMessages.From(EventId, appeal, CaseDecider.Fold([Receipt, decided, appeal])));
    }
}

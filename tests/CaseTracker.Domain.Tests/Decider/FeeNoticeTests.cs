using CaseTracker.Domain.Cases;
using static CaseTracker.Domain.Cases.CaseEvent;
using static CaseTracker.Domain.Tests.Support.A;
using static CaseTracker.Domain.Tests.Support.Scenario;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Decider;

/// <summary>The fee notice states the tiers' amount of its quantity (国办函〔2020〕109号), for requests received from 2021-01-01, within the period.</summary>
public class FeeNoticeTests
{
    private static readonly Received R = Received("2023-03-01");

    [Fact]
    public void A_notice_whose_amount_is_the_computation_is_recorded_with_its_quantity()
    {
        // 120 pages: 70 × 10 + 20 × 20 = 1100 元.
        Given(R).When(new C.IssueFeeNotice(D("2023-03-06"), 1100m, FeeMethod.PerVolume, D("2023-03-08"), 120))
            .Then(new FeeNoticeIssued(D("2023-03-06"), 1100m, FeeMethod.PerVolume, D("2023-03-08"), 120));
    }

    [Fact]
    public void An_amount_that_disagrees_with_the_tiers_is_refused_showing_the_computation()
    {
        var error = Assert.Throws<DomainException>(() => CaseDecider.Decide(
            new C.IssueFeeNotice(D("2023-03-06"), 1000m, FeeMethod.PerVolume, D("2023-03-08"), 120), CaseDecider.Fold([R]), CasePolicy.Default));
        Assert.Equal("fee.amount_mismatch", error.Rule);
        Assert.Contains("第101–120页20页×20元=400元", error.Message, StringComparison.Ordinal);
        Assert.Contains("合计1100元", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tenth_request_of_the_month_is_free_so_no_notice()
    {
        Given(R).When(new C.IssueFeeNotice(D("2023-03-06"), 100m, FeeMethod.PerItem, D("2023-03-08"), 10)).ThenRefused("fee.free");
    }

    [Fact]
    public void The_eleventh_request_of_the_month_costs_100()
    {
        Given(R).When(new C.IssueFeeNotice(D("2023-03-06"), 100m, FeeMethod.PerItem, D("2023-03-08"), 11))
            .Then(new FeeNoticeIssued(D("2023-03-06"), 100m, FeeMethod.PerItem, D("2023-03-08"), 11));
    }

    [Fact]
    public void A_request_received_in_2020_pays_no_fee_even_when_the_notice_is_dated_2021()
    {
        // Received 2020-12-28 (Monday); day 20 is 2021-01-26, so 2021-01-04 is inside the period: only the receipt date refuses it.
        Given(Received("2020-12-28")).When(new C.IssueFeeNotice(D("2021-01-04"), 100m, FeeMethod.PerItem, D("2021-01-05"), 11))
            .ThenRefused("fee.not_in_force");
    }

    [Fact]
    public void A_notice_after_the_deadline_is_refused_even_when_its_amount_is_right()
    {
        // Received Friday 2023-09-22: the deadline is Thursday 2023-10-26 (domain.md §2); 10-27 is after it.
        Given(Received("2023-09-22")).When(new C.IssueFeeNotice(D("2023-10-27"), 700m, FeeMethod.PerVolume, D("2023-10-27"), 100))
            .ThenRefused("fee.after_deadline");
    }

    [Fact]
    public void A_notice_on_the_deadline_day_is_recorded()
    {
        Given(Received("2023-09-22")).When(new C.IssueFeeNotice(D("2023-10-26"), 700m, FeeMethod.PerVolume, D("2023-10-27"), 100))
            .Then(new FeeNoticeIssued(D("2023-10-26"), 700m, FeeMethod.PerVolume, D("2023-10-27"), 100));
    }

    [Fact]
    public void A_waiver_needs_its_reasons_and_settles_the_notice()
    {
        var notice = new FeeNoticeIssued(D("2023-03-06"), 100m, FeeMethod.PerItem, D("2023-03-08"), 11);
        Given(R, notice).When(new C.WaiveFee(D("2023-03-09"), " ")).ThenRefused("fee.waiver_reason");
        Given(R, notice).When(new C.WaiveFee(D("2023-03-09"), "申请人持低保证明，确有经济困难")).Then(new FeeWaived(D("2023-03-09"), "申请人持低保证明，确有经济困难"));
        Given(R, notice, new FeeWaived(D("2023-03-09"), "经济困难")).When(new C.RecordFeePayment(D("2023-03-10"))).ThenRefused("fee.settled");

        var state = CaseDecider.Fold([R, notice, new FeeWaived(D("2023-03-09"), "经济困难")]);
        Assert.False(state.Fee!.IsPending);
        Assert.Equal(D("2023-03-09"), state.Fee.WaivedOn);
    }

    [Fact]
    public void A_payment_of_another_amount_is_refused()
    {
        var notice = new FeeNoticeIssued(D("2023-03-06"), 100m, FeeMethod.PerItem, D("2023-03-08"), 11);
        Given(R, notice).When(new C.RecordFeePayment(D("2023-03-10"), 80m)).ThenRefused("fee.paid_amount");
        var paid = CaseDecider.Fold([R, notice, new FeePaid(D("2023-03-10"))]);
        Assert.Equal(100m, paid.Fee!.PaidAmount);
    }
}

using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;
using static CaseTracker.Domain.Tests.Support.A;
using K = CaseTracker.Domain.Cases.MilestoneKind;

namespace CaseTracker.Domain.Tests.Decider;

/// <summary>
/// Given a history and today, then exactly these milestone kinds are offered (issue 9 item 5). Every expectation is worked
/// out by hand from the rules; a 2023-03-01 receipt has its deadline on 2023-03-29 (03-02..03-03 (2), 03-06..03-10 (7),
/// 03-13..03-17 (12), 03-20..03-24 (17), 03-27..03-29 (20)).
/// </summary>
public class OfferedTests
{
    private static readonly Received R = Received("2023-03-01");

    /// <summary>What any open case accepts while its period runs and nothing is pending.</summary>
    private static readonly MilestoneKind[] RunningCase =
        [K.RequestSupplement, K.StartConsultation, K.Extend, K.IssueFeeNotice, K.RequestReasons, K.Answer, K.Withdraw, K.CorrectDate, K.CorrectApplicantType];

    private static IReadOnlyList<MilestoneKind> Offered(string today, params CaseEvent[] history) =>
        CaseDecider.Offered(CaseDecider.Fold(history), CasePolicy.Default with { Today = D(today) });

    [Fact]
    public void A_case_not_received_offers_nothing() =>
        Assert.Empty(CaseDecider.Offered(CaseState.Initial, CasePolicy.Default with { Today = D("2023-03-10") }));

    [Fact]
    public void Without_today_the_offer_cannot_be_worked_out() =>
        Assert.Throws<ArgumentException>(() => CaseDecider.Offered(CaseDecider.Fold([R]), CasePolicy.Default));

    [Fact]
    public void A_fresh_case_offers_no_supplement_receipt_no_lapses_no_appeal_no_delayed_date_and_no_outcome_correction() =>
        // No supplement notice → no 收到补正/逾期不补正; no consultation, fee or appeal to end; no 要求说明理由 → no Art 35 date;
        // 03-10 is before the deadline → no appeal (不作为 only after it); no decision → nothing of the outcome to correct.
        Assert.Equal(RunningCase, Offered("2023-03-10", R));

    [Fact]
    public void A_pending_supplement_offers_its_receipt_but_not_its_lapse_before_the_period_has_run()
    {
        var notice = new SupplementRequested(D("2023-03-02"), "请补充文号", D("2023-03-20"));
        var offered = Offered("2023-03-10", R, notice);

        Assert.Contains(K.RecordSupplement, offered);
        Assert.DoesNotContain(K.LapseSupplement, offered);   // 补正期限 03-20 not yet run on 03-10
        Assert.DoesNotContain(K.RequestSupplement, offered); // one notice per request (条例第三十条)
        Assert.DoesNotContain(K.Answer, offered);            // no decision while waiting for the supplement
    }

    [Fact]
    public void A_pending_supplement_offers_its_lapse_the_day_after_the_period()
    {
        var notice = new SupplementRequested(D("2023-03-02"), "请补充文号", D("2023-03-20"));

        Assert.DoesNotContain(K.LapseSupplement, Offered("2023-03-20", R, notice));
        Assert.Contains(K.LapseSupplement, Offered("2023-03-21", R, notice));
    }

    [Fact]
    public void A_received_supplement_offers_neither_its_receipt_nor_its_lapse_again()
    {
        var offered = Offered("2023-03-10", R, new SupplementRequested(D("2023-03-02"), "请补充文号", D("2023-03-20")), new SupplementReceived(D("2023-03-06")));

        Assert.DoesNotContain(K.RecordSupplement, offered);
        Assert.DoesNotContain(K.LapseSupplement, offered);
        Assert.Contains(K.Answer, offered);
    }

    [Fact]
    public void An_open_consultation_offers_its_answer_and_its_lapse_only_after_15_working_days_from_receipt()
    {
        // Party received 03-02: 03-03 (1), 03-06..03-10 (6), 03-13..03-17 (11), 03-20..03-23 (15) → silent from 03-24.
        var consultation = ThirdParty("c1", "2023-03-02");

        var early = Offered("2023-03-23", R, consultation);
        Assert.Contains(K.RecordConsultationAnswer, early);
        Assert.DoesNotContain(K.LapseConsultation, early);
        Assert.Contains(K.LapseConsultation, Offered("2023-03-24", R, consultation));
    }

    [Fact]
    public void An_answered_consultation_offers_neither_its_answer_nor_its_lapse()
    {
        var offered = Offered("2023-03-24", R, ThirdParty("c1", "2023-03-02"), new ConsultationAnswered("c1", D("2023-03-10")));

        Assert.DoesNotContain(K.RecordConsultationAnswer, offered);
        Assert.DoesNotContain(K.LapseConsultation, offered);
    }

    [Fact]
    public void A_pending_fee_offers_payment_and_its_lapse_only_after_20_working_days_from_the_day_after_receipt()
    {
        // Applicant received 03-02: 03-03 (1), 03-06..03-10 (6), 03-13..03-17 (11), 03-20..03-24 (16), 03-27..03-30 (20).
        var fee = FeeNotice("2023-03-02", "2023-03-02");

        var early = Offered("2023-03-30", R, fee);
        Assert.Contains(K.RecordFeePayment, early);
        Assert.DoesNotContain(K.LapseFee, early);
        Assert.DoesNotContain(K.IssueFeeNotice, early); // one notice per case
        Assert.Contains(K.LapseFee, Offered("2023-03-31", R, fee));
    }

    [Fact]
    public void The_delayed_answer_date_is_offered_only_after_reasons_were_requested()
    {
        Assert.DoesNotContain(K.SetDelayedAnswerDate, Offered("2023-03-10", R));
        Assert.Contains(K.SetDelayedAnswerDate, Offered("2023-03-10", R, new ReasonsRequested(D("2023-03-06"))));
    }

    [Fact]
    public void An_extended_case_offers_no_second_extension() =>
        Assert.DoesNotContain(K.Extend, Offered("2023-03-10", R, Extended("2023-03-06")));

    [Fact]
    public void After_the_deadline_an_open_case_offers_appeals_but_no_extension_fee_notice_or_delayed_date()
    {
        // Deadline 03-29; on 04-10 it has run out: 延期、收费通知、第三十五条 are refused, 不作为 appeals are allowed.
        var offered = Offered("2023-04-10", R, new ReasonsRequested(D("2023-03-06")));

        Assert.DoesNotContain(K.Extend, offered);
        Assert.DoesNotContain(K.IssueFeeNotice, offered);
        Assert.DoesNotContain(K.SetDelayedAnswerDate, offered);
        Assert.Contains(K.FileReconsideration, offered);
        Assert.Contains(K.FileLawsuit, offered);
        Assert.Contains(K.Answer, offered);
    }

    [Fact]
    public void On_the_deadline_itself_the_period_still_runs() =>
        Assert.Equal(RunningCase, Offered("2023-03-29", R));

    [Fact]
    public void A_decided_case_offers_appeals_and_corrections_only() =>
        Assert.Equal([K.FileReconsideration, K.FileLawsuit, K.CorrectDate, K.CorrectOutcome, K.CorrectApplicantType], Offered("2023-03-22", R, Decided("2023-03-20")));

    [Fact]
    public void A_case_decided_today_offers_no_second_answer_and_reasons_asked_today_are_not_offered_again()
    {
        // The same answer again would be a repeat that records nothing: not offered (nor is anything else but appeals/corrections).
        Assert.DoesNotContain(K.Answer, Offered("2023-03-20", R, Decided("2023-03-20")));
        Assert.DoesNotContain(K.RequestReasons, Offered("2023-03-06", R, new ReasonsRequested(D("2023-03-06"))));
        Assert.Contains(K.RequestReasons, Offered("2023-03-07", R, new ReasonsRequested(D("2023-03-06"))));
    }

    [Fact]
    public void A_withdrawn_case_has_no_outcome_to_correct() =>
        Assert.DoesNotContain(K.CorrectOutcome, Offered("2023-03-22", R, new Withdrawn(D("2023-03-10"))));

    [Fact]
    public void An_open_reconsideration_offers_its_conclusion_and_no_lawsuit_conclusion()
    {
        var offered = Offered("2023-04-20", R, Decided("2023-03-20"), new ReconsiderationFiled("r1", D("2023-04-10"), "区人民政府"));

        Assert.Contains(K.ConcludeReconsideration, offered);
        Assert.DoesNotContain(K.ConcludeLawsuit, offered);
    }

    [Fact]
    public void An_open_lawsuit_offers_its_conclusion()
    {
        var offered = Offered("2023-07-20", R, Decided("2023-03-20"), new LawsuitFiled("l1", D("2023-07-01"), "区人民法院", false));

        Assert.Contains(K.ConcludeLawsuit, offered);
        Assert.DoesNotContain(K.ConcludeReconsideration, offered);
    }

    [Fact]
    public void Every_offered_kind_is_accepted_and_every_other_refused_by_decide_on_todays_date()
    {
        // A caseworker's own commands, one per kind, on the fresh case of 03-01 seen on 03-10: the offer and Decide agree.
        var state = CaseDecider.Fold([R]);
        var policy = CasePolicy.Default with { Today = D("2023-03-10") };
        var on = D("2023-03-10");
        var commands = new Dictionary<MilestoneKind, CaseCommand>
        {
            [K.RequestSupplement] = new CaseCommand.RequestSupplement(on, "请补充文号", D("2023-03-24")),
            [K.RecordSupplement] = new CaseCommand.RecordSupplement(on),
            [K.LapseSupplement] = new CaseCommand.LapseSupplement(on),
            [K.StartConsultation] = new CaseCommand.StartConsultation("z1", ConsultationKind.OtherAgency, "某局", on),
            [K.RecordConsultationAnswer] = new CaseCommand.RecordConsultationAnswer("z1", on),
            [K.Extend] = new CaseCommand.Extend(on, "主任", "需调取档案", on),
            [K.IssueFeeNotice] = new CaseCommand.IssueFeeNotice(on, 50m, FeeMethod.PerVolume, on),
            [K.RecordFeePayment] = new CaseCommand.RecordFeePayment(on),
            [K.SetDelayedAnswerDate] = new CaseCommand.SetDelayedAnswerDate(on, D("2023-04-30")),
            [K.Answer] = new CaseCommand.Answer(on, Outcome.UnavailableNotHeld, GroundList.None, ""),
            [K.Withdraw] = new CaseCommand.Withdraw(on),
            [K.FileReconsideration] = new CaseCommand.FileReconsideration("f1", on, "区人民政府"),
            [K.FileLawsuit] = new CaseCommand.FileLawsuit("f1", on, "区人民法院", false),
            [K.CorrectApplicantType] = new CaseCommand.CorrectApplicantType(ApplicantType.LegalServiceProvider, "录错", on),
        };
        var offered = CaseDecider.Offered(state, policy);

        foreach (var (kind, command) in commands)
        {
            var accepted = Record.Exception(() => CaseDecider.Decide(command, state, policy)) is null;
            Assert.True(accepted == offered.Contains(kind), $"{kind}: offered {offered.Contains(kind)}, accepted {accepted}");
        }
    }
}

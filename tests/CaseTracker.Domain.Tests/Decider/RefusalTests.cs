using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Domain.Tests.Support;
using static CaseTracker.Domain.Cases.CaseEvent;
using static CaseTracker.Domain.Tests.Support.A;
using static CaseTracker.Domain.Tests.Support.Scenario;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Decider;

/// <summary>Every refusal rule of CaseRules.cs, each on a history that breaks exactly that rule.</summary>
public partial class RefusalTests
{
    private static readonly Received R = Received("2023-03-01");
    private static readonly Decided Answered = Decided("2023-03-20");
    private static readonly SupplementRequested Asked = SupplementRequested("2023-03-06");
    private static readonly FeeNoticeIssued Fee = FeeNotice("2023-03-06", "2023-03-08");
    private static readonly ConsultationAnswered Objected = new("c1", D("2023-03-06"), ThirdPartyAnswer.Objects, "涉及商业秘密");
    private static readonly ReconsiderationFiled Filed = new("r1", D("2023-04-10"), "区人民政府");

    private static readonly Dictionary<string, (Scenario Scenario, string Rule)> Cases = new()
    {
        ["milestone on a case never received"] = (Given().When(new C.RequestReasons(D("2023-03-06"))), "case.not_received"),
        ["correction on a case never received"] = (Given().When(new C.CorrectDate(0, D("2023-03-02"), "录错", D("2023-03-06"))), "case.not_received"),
        ["decision dated before receipt"] = (Given(R).When(Answer("2023-02-28")), "decision.before_receipt"),
        ["milestone dated before receipt"] = (Given(R).When(new C.RequestSupplement(D("2023-02-27"), "文号", null)), "date.before_receipt"),
        ["second receipt on the same case"] = (Given(R).When(Receive("2023-03-02")), "case.exists"),
        ["receipt without agency"] = (Given().When(Receive("2023-03-01") with { Agency = "  " }), "receipt.agency_required"),
        ["receipt without case number"] = (Given().When(Receive("2023-03-01") with { CaseNumber = "" }), "receipt.number_required"),
        ["receipt with unknown applicant type"] = (Given().When(Receive("2023-03-01", (ApplicantType)42)), "receipt.applicant_type"),
        ["receipt with unknown channel"] = (Given().When(Receive("2023-03-01", channel: (Channel)42)), "receipt.channel"),
        ["second supplement notice"] = (Given(R, Asked, new SupplementReceived(D("2023-03-10"))).When(new C.RequestSupplement(D("2023-03-13"), "另一事项", null)), "supplement.once"),
        ["supplement notice without items"] = (Given(R).When(new C.RequestSupplement(D("2023-03-06"), "  ", null)), "supplement.items_required"),
        ["supplement period before the notice"] = (Given(R).When(new C.RequestSupplement(D("2023-03-06"), "文号", D("2023-03-05"))), "supplement.period_before_notice"),
        ["supplement received without a notice"] = (Given(R).When(new C.RecordSupplement(D("2023-03-10"))), "supplement.not_requested"),
        ["supplement received twice"] = (Given(R, Asked, new SupplementReceived(D("2023-03-10"))).When(new C.RecordSupplement(D("2023-03-13"))), "supplement.not_pending"),
        ["supplement lapse after it was received"] = (Given(R, Asked, new SupplementReceived(D("2023-03-10"))).When(new C.LapseSupplement(D("2023-03-30"))), "supplement.not_pending"),
        ["supplement received before the notice"] = (Given(R, Asked).When(new C.RecordSupplement(D("2023-03-03"))), "supplement.received_before_request"),
        ["supplement lapse on a case with no supplement request"] = (Given(R).When(new C.LapseSupplement(D("2023-03-30"))), "supplement.lapse_without_request"),
        ["supplement lapse before the notice"] = (Given(R, Asked).When(new C.LapseSupplement(D("2023-03-03"))), "supplement.lapsed_before_request"),
        ["consultation id used twice"] = (Given(R, ThirdParty("c1", "2023-03-02")).When(new C.StartConsultation("c1", ConsultationKind.OtherAgency, "市财政局", D("2023-03-03"))), "consultation.duplicate"),
        ["consultation without a party"] = (Given(R).When(new C.StartConsultation("c1", ConsultationKind.ThirdParty, " ", D("2023-03-03"))), "consultation.party_required"),
        ["answer to an unknown consultation"] = (Given(R).When(new C.RecordConsultationAnswer("c9", D("2023-03-10"))), "consultation.unknown"),
        ["consultation answered twice"] = (Given(R, ThirdParty("c1", "2023-03-02"), new ConsultationAnswered("c1", D("2023-03-08"))).When(new C.LapseConsultation("c1", D("2023-03-23"))), "consultation.ended"),
        ["consultation ends before it starts"] = (Given(R, ThirdParty("c1", "2023-03-06")).When(new C.RecordConsultationAnswer("c1", D("2023-03-03"))), "consultation.end_before_start"),
        ["second extension"] = (Given(R, Extended("2023-03-20")).When(Extend("2023-03-22")), "extension.once"),
        ["extension without approver"] = (Given(R).When(Extend("2023-03-20") with { Approver = "" }), "extension.approver_required"),
        ["extension without reason"] = (Given(R).When(Extend("2023-03-20") with { Reason = " " }), "extension.reason_required"),
        ["applicant told before the extension"] = (Given(R).When(Extend("2023-03-20") with { ApplicantToldOn = D("2023-03-17") }), "extension.told_before_granted"),
        // 2023-09-22 (Fri): 09-25..09-28 (4), 09-29..10-06 holiday, 10-07, 10-08 make-up (6), 10-09..10-13 (11),
        // 10-16..10-20 (16), 10-23..10-26 (20) → deadline Thu 2023-10-26; the 27th is one day late.
        ["extension after the deadline passed"] = (Given(Received("2023-09-22")).When(Extend("2023-10-27")), "extension.after_deadline"),
        ["fee notice before fees were in force"] = (Given(Received("2020-12-01")).When(new C.IssueFeeNotice(D("2020-12-31"), 50m, FeeMethod.PerItem, D("2020-12-31"))), "fee.not_in_force"),
        ["second fee notice"] = (Given(R, Fee).When(new C.IssueFeeNotice(D("2023-03-07"), 50m, FeeMethod.PerVolume, D("2023-03-08"))), "fee.once"),
        ["fee of zero"] = (Given(R).When(new C.IssueFeeNotice(D("2023-03-06"), 0m, FeeMethod.PerItem, D("2023-03-08"))), "fee.amount"),
        ["fee notice received before it was issued"] = (Given(R).When(new C.IssueFeeNotice(D("2023-03-06"), 10m, FeeMethod.PerItem, D("2023-03-03"))), "fee.received_before_notice"),
        ["fee notice with an unknown method"] = (Given(R).When(new C.IssueFeeNotice(D("2023-03-06"), 100m, (FeeMethod)9, D("2023-03-08"))), "fee.method"),
        ["fee notice on the 5th request of the month"] = (Given(R).When(new C.IssueFeeNotice(D("2023-03-06"), 100m, FeeMethod.PerItem, D("2023-03-08"), 5)), "fee.free"),
        ["fee notice for 40 pages at 200 元"] = (Given(R).When(new C.IssueFeeNotice(D("2023-03-06"), 200m, FeeMethod.PerVolume, D("2023-03-08"), 40)), "fee.amount_mismatch"),
        ["payment of another amount"] = (Given(R, Fee).When(new C.RecordFeePayment(D("2023-03-10"), 50m)), "fee.paid_amount"),
        ["waiver without reasons"] = (Given(R, Fee).When(new C.WaiveFee(D("2023-03-10"), "")), "fee.waiver_reason"),
        ["重复申请 without the earlier request"] = (Given(R).When(Answer("2023-03-20", Outcome.NotProcessedRepeat)), "decision.repeat_without_link"),
        ["a link on a decision that is not 重复申请"] = (Given(R).When(Answer("2023-03-20") with { RepeatOf = "2022-017" }), "decision.link_only_for_repeat"),
        ["重复申请 linked to itself"] = (Given(R).When(Answer("2023-03-20", Outcome.NotProcessedRepeat) with { RepeatOf = "2023-001" }), "decision.repeat_of_itself"),
        ["old-words outcome on a case under the 2019 rules"] = (Given(R).When(Answer("2023-03-20", Outcome.TransferredToArchives)), "decision.legacy_outcome"),
        ["grounds-not-recorded flag on a full disclosure"] = (Given(Received("2018-03-01")).When(Answer("2018-03-20") with { GroundsNotRecorded = true }), "decision.grounds_flag_only_for_partial"),
        ["channel 电话 on a 2019-05-15 receipt"] = (Given().When(Receive("2019-05-15", channel: Channel.Phone)), "receipt.legacy_channel"),
        ["同意公开 from another agency"] = (Given(R, new ConsultationStarted("c1", ConsultationKind.OtherAgency, "市财政局", D("2023-03-02"), D("2023-03-02"))).When(new C.RecordConsultationAnswer("c1", D("2023-03-06"), ThirdPartyAnswer.Consents)), "consultation.answer_for_third_party"),
        ["不同意公开 without reasons"] = (Given(R, ThirdParty("c1", "2023-03-02")).When(new C.RecordConsultationAnswer("c1", D("2023-03-06"), ThirdPartyAnswer.Objects, " ")), "consultation.objection_reasons"),
        ["public-interest disclosure without an objection"] = (Given(R, ThirdParty("c1", "2023-03-02"), new ConsultationAnswered("c1", D("2023-03-06"), ThirdPartyAnswer.Consents)).When(new C.DecidePublicInterestDisclosure("c1", D("2023-03-08"), "涉及公共安全", D("2023-03-08"))), "override.without_objection"),
        ["public-interest disclosure twice"] = (Given(R, ThirdParty("c1", "2023-03-02"), Objected, new PublicInterestDisclosureDecided("c1", D("2023-03-08"), "涉及公共安全", D("2023-03-08"))).When(new C.DecidePublicInterestDisclosure("c1", D("2023-03-09"), "涉及公共安全", D("2023-03-09"))), "override.once"),
        ["public-interest disclosure without reasons"] = (Given(R, ThirdParty("c1", "2023-03-02"), Objected).When(new C.DecidePublicInterestDisclosure("c1", D("2023-03-08"), "", D("2023-03-08"))), "override.reasons"),
        ["third party told before the decision to disclose"] = (Given(R, ThirdParty("c1", "2023-03-02"), Objected).When(new C.DecidePublicInterestDisclosure("c1", D("2023-03-08"), "涉及公共安全", D("2023-03-07"))), "override.notified_before_decided"),
        ["disclosure against the third party's objection"] = (Given(R, ThirdParty("c1", "2023-03-02"), Objected).When(Answer("2023-03-20")), "decision.third_party_objected"),
        ["disclosure before the third party was told"] = (Given(R, ThirdParty("c1", "2023-03-02"), Objected, new PublicInterestDisclosureDecided("c1", D("2023-03-08"), "涉及公共安全", D("2023-03-22"))).When(Answer("2023-03-20")), "decision.before_third_party_notified"),
        ["payment without a fee notice"] = (Given(R).When(new C.RecordFeePayment(D("2023-03-10"))), "fee.no_notice"),
        ["fee paid twice"] = (Given(R, Fee, new FeePaid(D("2023-03-10"))).When(new C.RecordFeePayment(D("2023-03-13"))), "fee.settled"),
        ["payment before the fee notice"] = (Given(R, Fee).When(new C.RecordFeePayment(D("2023-03-03"))), "fee.before_notice"),
        ["delayed answer date without asking for reasons"] = (Given(R).When(new C.SetDelayedAnswerDate(D("2023-03-10"), D("2023-05-31"))), "delay.without_reasons"),
        ["delayed answer date not later"] = (Given(R, new ReasonsRequested(D("2023-03-06"))).When(new C.SetDelayedAnswerDate(D("2023-03-10"), D("2023-03-10"))), "delay.not_later"),
        ["supplement notice without a period"] = (Given(R).When(new C.RequestSupplement(D("2023-03-06"), "文号", null)), "supplement.period_required"),
        ["supplement lapse the day after the notice"] = (Given(R, new SupplementRequested(D("2023-03-03"), "文号", D("2023-03-17"))).When(new C.LapseSupplement(D("2023-03-04"))), "supplement.lapse_too_early"),
        ["supplement lapse on the last day of its period"] = (Given(R, new SupplementRequested(D("2023-03-03"), "文号", D("2023-03-17"))).When(new C.LapseSupplement(D("2023-03-17"))), "supplement.lapse_too_early"),
        // An old notice without a period: the default 15 working days from 03-06 run 03-07..03-10 (4), 03-13..03-17 (9), 03-20..03-24 (14), 03-27 (15).
        ["supplement lapse inside the default period of an old notice"] = (Given(R, Asked).When(new C.LapseSupplement(D("2023-03-27"))), "supplement.lapse_too_early"),
        ["consultation letter received before it was sent"] = (Given(R).When(new C.StartConsultation("c1", ConsultationKind.ThirdParty, "某公司", D("2023-03-06"), D("2023-03-03"))), "consultation.received_before_sent"),
        ["third party silence the day after the letter"] = (Given(R, ThirdParty("c1", "2023-03-02")).When(new C.LapseConsultation("c1", D("2023-03-03"))), "consultation.lapse_too_early"),
        // Sent 03-02, received 03-09: 03-10 (1), 03-13..03-17 (6), 03-20..03-24 (11), 03-27..03-30 (15). Counted from the sending day
        // (03-03 (1), 03-06..03-10 (6), 03-13..03-17 (11), 03-20..03-23 (15)) 03-24 would have passed; from receipt it has not.
        ["third party silence counted from the sending day"] = (Given(R, new ConsultationStarted("c1", ConsultationKind.ThirdParty, "某公司", D("2023-03-02"), D("2023-03-09"))).When(new C.LapseConsultation("c1", D("2023-03-24"))), "consultation.lapse_too_early"),
        ["other agency silence before 15 working days"] = (Given(R, new ConsultationStarted("c1", ConsultationKind.OtherAgency, "市财政局", D("2023-03-02"), D("2023-03-02"))).When(new C.LapseConsultation("c1", D("2023-03-23"))), "consultation.lapse_too_early"),
        ["fee lapse the day after the notice"] = (Given(R, Fee).When(new C.LapseFee(D("2023-03-07"))), "fee.lapse_too_early"),
        // Received 03-08: 03-09, 03-10 (2), 03-13..03-17 (7), 03-20..03-24 (12), 03-27..03-31 (17), 04-03, 04-04 (19), 04-05 清明, 04-06 (20).
        ["fee lapse on the 20th working day"] = (Given(R, Fee).When(new C.LapseFee(D("2023-04-06"))), "fee.lapse_too_early"),
        // 2023-09-22: deadline Thu 2023-10-26 (see "extension after the deadline passed").
        ["fee notice after the deadline passed"] = (Given(Received("2023-09-22")).When(new C.IssueFeeNotice(D("2023-10-27"), 100m, FeeMethod.PerItem, D("2023-10-27"))), "fee.after_deadline"),
        ["Art 35 date after the deadline passed"] = (Given(Received("2023-09-22"), new ReasonsRequested(D("2023-10-09"))).When(new C.SetDelayedAnswerDate(D("2023-10-27"), D("2023-12-29"))), "delay.after_deadline"),
        ["applicant told of the Art 35 date before it was set"] = (Given(R, new ReasonsRequested(D("2023-03-06"))).When(new C.SetDelayedAnswerDate(D("2023-03-10"), D("2023-05-31"), D("2023-03-09"))), "delay.told_before_set"),
        ["Art 35 date set before the reasons were asked"] = (Given(R, new ReasonsRequested(D("2023-03-10"))).When(new C.SetDelayedAnswerDate(D("2023-03-08"), D("2023-05-31"))), "delay.without_reasons"),
        ["大量反复 without asking for reasons"] = (Given(R).When(Answer("2023-03-20", Outcome.NotProcessedExcessive)), "decision.excessive_without_reasons"),
        ["decision dated tomorrow"] = (Given(R).With(Today("2023-03-10")).When(Answer("2023-03-11")), "date.in_future"),
        ["receipt dated next month"] = (Given().With(Today("2023-03-10")).When(Receive("2023-04-03")), "date.in_future"),
        ["receipt before the Regulation"] = (Given().When(Receive("1999-06-01")), "receipt.before_regulation"),
        // Deadline of a 2023-03-01 receipt: 03-29.
        ["reconsideration before the decision while the period runs"] = (Given(R).When(new C.FileReconsideration("r1", D("2023-03-20"), "区人民政府")), "appeal.before_deadline"),
        ["lawsuit dated before a decision on its deadline day"] = (Given(R, Decided("2023-04-10")).When(new C.FileLawsuit("l1", D("2023-03-29"), "区人民法院", false)), "appeal.before_deadline"),
        ["decision while the supplement is pending"] = (Given(R, Asked).When(Answer("2023-03-20")), "decision.supplement_pending"),
        ["decision with an unknown outcome"] = (Given(R).When(Answer("2023-03-20", (Outcome)99)), "decision.outcome"),
        ["withdrawal entered as a decision"] = (Given(R).When(Answer("2023-03-20", Outcome.Withdrawn)), "decision.use_milestone"),
        ["supplement lapse entered as a decision"] = (Given(R).When(Answer("2023-03-20", Outcome.OtherSupplementLapsed)), "decision.use_milestone"),
        ["部分公开 without grounds"] = (Given(R).When(Answer("2023-03-20", Outcome.PartiallyDisclosed)), "decision.partial_without_grounds"),
        ["部分公开 on a disclosure ground"] = (Given(R).When(Answer("2023-03-20", Outcome.PartiallyDisclosed, Outcome.DisclosedProvided)), "decision.partial_grounds"),
        ["部分公开 on an unknown ground"] = (Given(R).When(Answer("2023-03-20", Outcome.PartiallyDisclosed, (Outcome)99)), "decision.partial_grounds"),
        ["grounds on a full refusal"] = (Given(R).When(Answer("2023-03-20", Outcome.RefusedStateSecret, Outcome.RefusedStateSecret)), "decision.grounds_only_for_partial"),
        ["unclear after supplement without a supplement"] = (Given(R).When(Answer("2023-03-20", Outcome.UnavailableUnclearAfterSupplement)), "decision.unclear_without_supplement"),
        ["appeal id used twice"] = (Given(R, Answered, Filed).When(new C.FileReconsideration("r1", D("2023-04-11"), "市人民政府")), "appeal.duplicate"),
        ["lawsuit id used twice"] = (Given(R, Answered, new LawsuitFiled("l1", D("2023-05-01"), "区人民法院", false)).When(new C.FileLawsuit("l1", D("2023-05-02"), "中级人民法院", false)), "appeal.duplicate"),
        ["conclusion of an unknown appeal"] = (Given(R, Answered).When(new C.ConcludeReconsideration("r1", D("2023-05-01"), AppealResult.Upheld)), "appeal.unknown"),
        ["reconsideration concluded as a lawsuit"] = (Given(R, Answered, Filed).When(new C.ConcludeLawsuit("r1", D("2023-05-01"), AppealResult.Upheld)), "appeal.unknown"),
        ["appeal concluded twice"] = (Given(R, Answered, Filed, new ReconsiderationConcluded("r1", D("2023-05-01"), AppealResult.Upheld)).When(new C.ConcludeReconsideration("r1", D("2023-05-02"), AppealResult.Other)), "appeal.concluded"),
        ["appeal concluded before it was filed"] = (Given(R, Answered, Filed).When(new C.ConcludeReconsideration("r1", D("2023-04-01"), AppealResult.Upheld)), "appeal.concluded_before_filed"),
        ["correction without reason"] = (Given(R).When(new C.CorrectDate(0, D("2023-03-02"), " ", D("2023-03-06"))), "correction.reason_required"),
        ["outcome correction without reason"] = (Given(R, Answered).When(new C.CorrectOutcome(Outcome.RefusedStateSecret, GroundList.None, "", D("2023-03-21"))), "correction.reason_required"),
        ["applicant type correction without reason"] = (Given(R).When(new C.CorrectApplicantType(ApplicantType.OtherOrganization, "", D("2023-03-06"))), "correction.reason_required"),
        ["correction of a milestone that does not exist"] = (Given(R).When(new C.CorrectDate(7, D("2023-03-02"), "录错", D("2023-03-06"))), "correction.unknown_milestone"),
        ["outcome correction on an open case"] = (Given(R).When(new C.CorrectOutcome(Outcome.RefusedStateSecret, GroundList.None, "录错", D("2023-03-21"))), "correction.no_decision"),
        ["outcome correction on a withdrawn case"] = (Given(R, new Withdrawn(D("2023-03-10"))).When(new C.CorrectOutcome(Outcome.RefusedStateSecret, GroundList.None, "录错", D("2023-03-21"))), "correction.no_decision"),
        ["outcome corrected to 部分公开 without grounds"] = (Given(R, Answered).When(new C.CorrectOutcome(Outcome.PartiallyDisclosed, GroundList.None, "录错", D("2023-03-21"))), "decision.partial_without_grounds"),
        ["receipt moved after the decision"] = (Given(R, Answered).When(new C.CorrectDate(0, D("2023-03-21"), "录错", D("2023-03-22"))), "correction.invalid_history"),
        ["decision moved before receipt"] = (Given(R, Answered).When(new C.CorrectDate(1, D("2023-02-28"), "录错", D("2023-03-22"))), "correction.invalid_history"),
        ["extension moved past its deadline"] = (Given(Received("2023-09-22"), Extended("2023-10-20")).When(new C.CorrectDate(1, D("2023-10-27"), "录错", D("2023-10-30"))), "correction.invalid_history"),
        ["supplement notice moved after the supplement"] = (Given(R, Asked, new SupplementReceived(D("2023-03-10"))).When(new C.CorrectDate(1, D("2023-03-13"), "录错", D("2023-03-14"))), "correction.invalid_history"),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_broken_rule_is_refused_with_its_code_and_a_Chinese_message(string name)
    {
        var (scenario, rule) = Cases[name];
        scenario.ThenRefused(rule);
    }

    public static TheoryData<string> ClosedCaseCommands => new(ClosedCase.Keys);

    private static readonly Dictionary<string, C> ClosedCase = new()
    {
        ["RequestSupplement"] = new C.RequestSupplement(D("2023-03-21"), "文号", null),
        ["RecordSupplement"] = new C.RecordSupplement(D("2023-03-21")),
        ["LapseSupplement"] = new C.LapseSupplement(D("2023-03-21")),
        ["StartConsultation"] = new C.StartConsultation("c2", ConsultationKind.OtherAgency, "市财政局", D("2023-03-21")),
        ["RecordConsultationAnswer"] = new C.RecordConsultationAnswer("c1", D("2023-03-21")),
        ["LapseConsultation"] = new C.LapseConsultation("c1", D("2023-03-21")),
        ["Extend"] = Extend("2023-03-21"),
        ["IssueFeeNotice"] = new C.IssueFeeNotice(D("2023-03-21"), 10m, FeeMethod.PerItem, D("2023-03-21")),
        ["RecordFeePayment"] = new C.RecordFeePayment(D("2023-03-21")),
        ["LapseFee"] = new C.LapseFee(D("2023-03-21")),
        ["RequestReasons"] = new C.RequestReasons(D("2023-03-21")),
        ["SetDelayedAnswerDate"] = new C.SetDelayedAnswerDate(D("2023-03-21"), D("2023-04-30")),
        ["Answer"] = Answer("2023-03-21", Outcome.RefusedStateSecret),
        ["Withdraw"] = new C.Withdraw(D("2023-03-21")),
    };

    [Theory]
    [MemberData(nameof(ClosedCaseCommands))]
    public void Any_milestone_on_a_closed_case_is_refused(string command)
    {
        var history = new CaseEvent[] { R, ThirdParty("c1", "2023-03-02"), new ConsultationAnswered("c1", D("2023-03-10")), Answered };
        Given(history).When(ClosedCase[command]).ThenRefused("case.closed");
        Given(R, new Withdrawn(D("2023-03-10"))).When(ClosedCase[command]).ThenRefused("case.closed");
    }

    [Fact]
    public void Every_rule_code_in_CaseRules_is_exercised()
    {
        var source = File.ReadAllText(CaseRulesPath());
        var inSource = RuleCode().Matches(source).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.True(inSource.Count > 40, $"only {inSource.Count} rule codes found in CaseRules.cs");
        var covered = Cases.Values.Select(c => c.Rule).Append("case.closed").ToHashSet();
        Assert.Empty(inSource.Except(covered).Order());
        Assert.Empty(covered.Except(inSource).Order());
    }

    [Fact]
    public void An_extension_on_the_deadline_day_itself_is_allowed()
    {
        // Deadline of a 2023-09-22 receipt is 2023-10-26 (see "extension after the deadline passed").
        Given(Received("2023-09-22")).When(Extend("2023-10-26")).Then(Extended("2023-10-26"));
    }

    private static CasePolicy Today(string today) => CasePolicy.Default with { Today = D(today) };

    private static string CaseRulesPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "services", "CaseTracker.Domain", "Cases", "CaseRules.cs");

    [GeneratedRegex("\"([a-z]+\\.[a-z_]+)\"")]
    private static partial Regex RuleCode();
}

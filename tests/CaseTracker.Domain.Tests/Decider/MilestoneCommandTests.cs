using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Domain.Tests.Support;
using static CaseTracker.Domain.Cases.CaseEvent;
using static CaseTracker.Domain.Tests.Support.A;
using static CaseTracker.Domain.Tests.Support.Scenario;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Decider;

/// <summary>Every command of <see cref="CaseCommand"/>, on a history that allows it, produces its one event.</summary>
public class MilestoneCommandTests
{
    private static readonly Received R = Received("2023-03-01");
    private static readonly Decided Answered = Decided("2023-03-20");

    private static readonly Dictionary<string, (Scenario Scenario, CaseEvent Expected)> Cases = new()
    {
        ["Receive"] = (Given().When(Receive("2023-03-01")), R),
        ["RequestSupplement"] = (Given(R).When(new C.RequestSupplement(D("2023-03-03"), " 请补充文号 ", D("2023-03-17"))),
            new SupplementRequested(D("2023-03-03"), "请补充文号", D("2023-03-17"))),
        ["RecordSupplement"] = (Given(R, SupplementRequested("2023-03-03")).When(new C.RecordSupplement(D("2023-03-10"))),
            new SupplementReceived(D("2023-03-10"))),
        // The notice gave no period (an old event): the default 15 working days run 03-06..03-10 (5), 03-13..03-17 (10),
        // 03-20..03-24 (15); the lapse can be recorded from 03-25.
        ["LapseSupplement"] = (Given(R, SupplementRequested("2023-03-03")).When(new C.LapseSupplement(D("2023-03-27"))),
            new SupplementLapsed(D("2023-03-27"))),
        ["StartConsultation"] = (Given(R).When(new C.StartConsultation("c1", ConsultationKind.ThirdParty, "某公司", D("2023-03-06"))),
            ThirdParty("c1", "2023-03-06")),
        ["RecordConsultationAnswer"] = (Given(R, ThirdParty("c1", "2023-03-06")).When(new C.RecordConsultationAnswer("c1", D("2023-03-20"))),
            new ConsultationAnswered("c1", D("2023-03-20"))),
        // Received by the party 03-06: 03-07..03-10 (4), 03-13..03-17 (9), 03-20..03-24 (14), 03-27 (15): silent from 03-28.
        ["LapseConsultation"] = (Given(R, ThirdParty("c1", "2023-03-06")).When(new C.LapseConsultation("c1", D("2023-03-28"))),
            new ConsultationLapsed("c1", D("2023-03-28"))),
        // Deadline of a 2023-03-01 receipt: 03-02..03-03 (2), 03-06..03-10 (7), 03-13..03-17 (12), 03-20..03-24 (17), 03-27..03-29 (20).
        ["Extend"] = (Given(R).When(Extend("2023-03-28")), Extended("2023-03-28")),
        ["IssueFeeNotice"] = (Given(R).When(new C.IssueFeeNotice(D("2023-03-06"), 100m, FeeMethod.PerItem, D("2023-03-08"))),
            FeeNotice("2023-03-06", "2023-03-08")),
        ["RecordFeePayment"] = (Given(R, FeeNotice("2023-03-06", "2023-03-08")).When(new C.RecordFeePayment(D("2023-03-15"))),
            new FeePaid(D("2023-03-15"))),
        ["DecidePublicInterestDisclosure"] = (Given(R, ThirdParty("c1", "2023-03-02"), new ConsultationAnswered("c1", D("2023-03-06"), ThirdPartyAnswer.Objects, "商业秘密"))
                .When(new C.DecidePublicInterestDisclosure("c1", D("2023-03-08"), "涉及公众健康", D("2023-03-09"))),
            new PublicInterestDisclosureDecided("c1", D("2023-03-08"), "涉及公众健康", D("2023-03-09"))),
        ["WaiveFee"] = (Given(R, FeeNotice("2023-03-06", "2023-03-08")).When(new C.WaiveFee(D("2023-03-09"), "经济困难")),
            new FeeWaived(D("2023-03-09"), "经济困难")),
        ["LapseFee"] = (Given(R, FeeNotice("2023-03-06", "2023-03-08")).When(new C.LapseFee(D("2023-04-10"))),
            new FeeLapsed(D("2023-04-10"))),
        ["RequestReasons"] = (Given(R).When(new C.RequestReasons(D("2023-03-06"))), new ReasonsRequested(D("2023-03-06"))),
        ["SetDelayedAnswerDate"] = (Given(R, new ReasonsRequested(D("2023-03-06"))).When(new C.SetDelayedAnswerDate(D("2023-03-13"), D("2023-05-31"))),
            new DelayedAnswerDateSet(D("2023-03-13"), D("2023-05-31"), D("2023-03-13"))),
        ["Answer"] = (Given(R).When(Answer("2023-03-20", Outcome.PartiallyDisclosed, Outcome.RefusedThirdPartyRights)),
            new Decided(D("2023-03-20"), Outcome.PartiallyDisclosed, new GroundList([Outcome.RefusedThirdPartyRights]), "")),
        ["Withdraw"] = (Given(R).When(new C.Withdraw(D("2023-03-10"))), new Withdrawn(D("2023-03-10"))),
        ["FileReconsideration"] = (Given(R, Answered).When(new C.FileReconsideration("r1", D("2023-04-10"), "区人民政府")),
            new ReconsiderationFiled("r1", D("2023-04-10"), "区人民政府")),
        ["ConcludeReconsideration"] = (Given(R, Answered, new ReconsiderationFiled("r1", D("2023-04-10"), "区人民政府"))
            .When(new C.ConcludeReconsideration("r1", D("2023-06-01"), AppealResult.Upheld)),
            new ReconsiderationConcluded("r1", D("2023-06-01"), AppealResult.Upheld)),
        ["FileLawsuit"] = (Given(R, Answered).When(new C.FileLawsuit("l1", D("2023-07-01"), "区人民法院", false)),
            new LawsuitFiled("l1", D("2023-07-01"), "区人民法院", false)),
        ["ConcludeLawsuit"] = (Given(R, Answered, new LawsuitFiled("l1", D("2023-07-01"), "区人民法院", true))
            .When(new C.ConcludeLawsuit("l1", D("2023-12-01"), AppealResult.Corrected)),
            new LawsuitConcluded("l1", D("2023-12-01"), AppealResult.Corrected)),
        ["CorrectDate"] = (Given(R).When(new C.CorrectDate(0, D("2023-03-02"), "收件日期录错", D("2023-03-10"))),
            new DateCorrected(0, D("2023-03-02"), "收件日期录错", D("2023-03-10"))),
        ["CorrectOutcome"] = (Given(R, Answered).When(new C.CorrectOutcome(Outcome.UnavailableDoesNotExist, GroundList.None, "结果录错", D("2023-03-25"))),
            new OutcomeCorrected(Outcome.UnavailableDoesNotExist, GroundList.None, "结果录错", D("2023-03-25"))),
        ["CorrectApplicantType"] = (Given(R).When(new C.CorrectApplicantType(ApplicantType.LegalServiceProvider, "实为律师事务所", D("2023-03-05"))),
            new ApplicantTypeCorrected(ApplicantType.LegalServiceProvider, "实为律师事务所", D("2023-03-05"))),
        ["ErasePersonalData"] = (Given(R).When(new C.ErasePersonalData(" 申请人要求删除 ", " admin ", D("2023-04-01"))),
            new PersonalDataErased(null, "申请人要求删除", "admin", D("2023-04-01"))),
        ["Assign"] = (Given(R).When(new C.Assign(" 王芳 ", D("2023-03-01"))), new Assigned("王芳", D("2023-03-01"))),
        ["AttachDocument"] = (Given(R).When(new C.AttachDocument(Doc, DocumentKind.ApplicationForm, " 申请表.pdf ", "application/pdf", Hash, 2048, "cw-edu", D("2023-03-01"))),
            new DocumentAttached(Doc, DocumentKind.ApplicationForm, "申请表.pdf", "application/pdf", Hash, 2048, "cw-edu", D("2023-03-01"))),
        ["IssueLetter"] = (Given(R).When(new C.IssueLetter("测教公开〔2023〕1号", LetterKind.Receipt, " ", "测教公开〔2023〕1号", 2023, 1, 1, Hash, D("2023-03-02"))),
            new LetterIssued("测教公开〔2023〕1号", LetterKind.Receipt, "", "测教公开〔2023〕1号", 2023, 1, 1, Hash, D("2023-03-02"))),
        ["RecordDelivery"] = (Given(R, new LetterIssued("L1", LetterKind.Receipt, "", "测教公开〔2023〕1号", 2023, 1, 1, Hash, D("2023-03-02")))
            .When(new C.RecordDelivery("L1", DeliveryMethod.Post, " EA123456789CN ", null, D("2023-03-04"))),
            new LetterDelivered("L1", DeliveryMethod.Post, "EA123456789CN", null, D("2023-03-04"))),
    };

    private static string Hash => new('a', 64);

    private static readonly Guid Doc = Guid.Parse("5d1f0c3a-2b7e-4f69-9a0e-6c2d8b1e7f40");

    public static TheoryData<string> Commands => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Each_milestone_command_produces_its_event(string command)
    {
        var (scenario, expected) = Cases[command];
        Assert.Equal(command, scenario.Command.GetType().Name);
        scenario.Then(expected);
    }

    [Fact]
    public void Every_command_record_is_covered()
    {
        var all = typeof(CaseCommand).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(CaseCommand))).Select(t => t.Name).Order();
        Assert.Equal(all, Cases.Keys.Order());
    }

    [Fact]
    public void Receive_trims_agency_and_case_number()
    {
        var command = Receive("2023-03-01") with { Agency = "  某区政务服务局 ", CaseNumber = " 2023-001\t" };
        Given().When(command).Then(R);
    }

    [Fact]
    public void Appeals_are_still_recorded_after_the_case_is_closed()
    {
        Given(R, new Withdrawn(D("2023-03-10"))).When(new C.FileLawsuit("l1", D("2023-04-01"), "区人民法院", false))
            .Then(new LawsuitFiled("l1", D("2023-04-01"), "区人民法院", false));
    }

    [Fact]
    public void A_repeated_identical_command_returns_no_events()
    {
        Given(R).When(Receive("2023-03-01")).Then();
        Given(R, Answered).When(Answer("2023-03-20")).Then();
        Given(R, ThirdParty("c1", "2023-03-06")).When(new C.StartConsultation("c1", ConsultationKind.ThirdParty, "某公司", D("2023-03-06"))).Then();
        Given(R, Answered, new ReconsiderationFiled("r1", D("2023-04-10"), "区人民政府"))
            .When(new C.FileReconsideration("r1", D("2023-04-10"), "区人民政府")).Then();
    }

    [Fact]
    public void A_correction_to_the_value_already_recorded_returns_no_events()
    {
        Given(R).When(new C.CorrectDate(0, D("2023-03-01"), "核对", D("2023-03-10"))).Then();
        Given(R, Answered).When(new C.CorrectOutcome(Outcome.DisclosedProvided, GroundList.None, "核对", D("2023-03-25"))).Then();
        Given(R).When(new C.CorrectApplicantType(ApplicantType.NaturalPerson, "核对", D("2023-03-05"))).Then();
    }

    [Fact]
    public void A_different_command_after_an_identical_one_is_still_judged()
    {
        Given(R, Answered).When(Answer("2023-03-21")).ThenRefused("case.closed");
    }
}

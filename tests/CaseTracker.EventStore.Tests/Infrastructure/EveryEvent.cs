using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.EventStore.Tests.Infrastructure;

/// <summary>One instance of every event type, with every field set to something other than its default.</summary>
public static class EveryEvent
{
    public static IReadOnlyList<CaseEvent> Of(Guid caseId)
    {
        var d = new DateOnly(2024, 5, 6);
        return
        [
            new Received(caseId, "某区政务服务局", "2024-0007", d, Channel.Email, ApplicantType.LegalServiceProvider, Samples.Applicant(), "某项目批复", "电子邮件"),
            new SupplementRequested(d.AddDays(1), "补充身份证明", d.AddDays(16)),
            new SupplementReceived(d.AddDays(3)),
            new SupplementLapsed(d.AddDays(20)),
            new ConsultationStarted("c1", ConsultationKind.OtherAgency, "市自然资源局", d.AddDays(4)),
            new ConsultationAnswered("c1", d.AddDays(9)),
            new ConsultationLapsed("c2", d.AddDays(25)),
            new Extended(d.AddDays(10), "公开办主任", "需要调取档案", d.AddDays(11)),
            new FeeNoticeIssued(d.AddDays(12), 123.45m, FeeMethod.PerVolume, d.AddDays(13)),
            new FeePaid(d.AddDays(14)),
            new FeeLapsed(d.AddDays(40)),
            new ReasonsRequested(d.AddDays(2)),
            new DelayedAnswerDateSet(d.AddDays(5), d.AddDays(60)),
            new Decided(d.AddDays(30), Outcome.PartiallyDisclosed, new GroundList([Outcome.RefusedThirdPartyRights, Outcome.RefusedStateSecret]), "部分涉及商业秘密"),
            new Withdrawn(d.AddDays(31)),
            new ReconsiderationFiled("r1", d.AddDays(50), "区人民政府"),
            new ReconsiderationConcluded("r1", d.AddDays(90), AppealResult.Corrected),
            new LawsuitFiled("l1", d.AddDays(100), "区人民法院", true),
            new LawsuitConcluded("l1", d.AddDays(200), AppealResult.Other),
            new DateCorrected(2, d.AddDays(4), "收到补正日期登记错误", d.AddDays(35)),
            new OutcomeCorrected(Outcome.UnavailableDoesNotExist, GroundList.None, "答复类型登记错误", d.AddDays(36)),
            new ApplicantTypeCorrected(ApplicantType.CommercialEnterprise, "申请人类型登记错误", d.AddDays(37)),
            new Assigned("王芳", d.AddDays(1)),
            new FeeWaived(d.AddDays(13), "申请人生活困难，依申请减免"),
            new PublicInterestDisclosureDecided("c1", d.AddDays(11), "不公开会对公共利益造成重大影响", d.AddDays(12)),
            new LetterIssued("L1", LetterKind.Answer, "", "测教公开〔2024〕7号", 2024, 7, 3, new string('a', 64), d.AddDays(30)),
            new LetterDelivered("L1", DeliveryMethod.Electronic, "电子邮件", new DateTimeOffset(2024, 6, 6, 10, 15, 0, TimeSpan.FromHours(8)), d.AddDays(31)),
            new DocumentAttached(Guid.Parse("0b6c2f7e-7f3e-4d8a-9a51-3c1f0d2e4b5a"), DocumentKind.DeliveryReceipt, "送达回证.pdf", "application/pdf",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 4321, "cw-edu", d.AddDays(38)),
            new PersonalDataErased(Guid.Parse("3f2a7c1e-9b4d-4e8f-a0c6-5d1b2e3f4a5b"), "保存期限届满", "admin", d.AddDays(400)),
        ];
    }
}

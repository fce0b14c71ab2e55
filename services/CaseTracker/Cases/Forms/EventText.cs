using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Cases.Forms;

/// <summary>A milestone as the timeline shows it (no personal data: the applicant appears only in the case header).</summary>
public static class EventText
{
    public static string Title(CaseEvent e) => e switch
    {
        Received => "收到申请",
        SupplementRequested => "告知补正",
        SupplementReceived => "收到补正",
        SupplementLapsed => "逾期未补正",
        ConsultationStarted => "征求意见",
        ConsultationAnswered => "收到征求意见答复",
        ConsultationLapsed => "征求意见逾期",
        Extended => "延长答复期限",
        FeeNoticeIssued => "发出收费通知",
        FeePaid => "收到缴费",
        FeeLapsed => "逾期未缴费",
        FeeWaived => "减免收费",
        PublicInterestDisclosureDecided => "以公共利益为由决定公开",
        ReasonsRequested => "要求说明理由",
        DelayedAnswerDateSet => "确定延迟答复期限",
        Decided => "作出答复",
        Withdrawn => "申请人撤回",
        ReconsiderationFiled => "申请行政复议",
        ReconsiderationConcluded => "行政复议结果",
        LawsuitFiled => "提起行政诉讼",
        LawsuitConcluded => "行政诉讼结果",
        DateCorrected => "更正日期",
        OutcomeCorrected => "更正答复结果",
        ApplicantTypeCorrected => "更正申请人类型",
        LetterIssued l => "签发" + l.Kind.Label(),
        LetterDelivered d => d.Method.Label(),
        Assigned => "指定承办人",
        DocumentAttached => "上传附件",
        PersonalDataErased => "删除个人信息",
        _ => e.GetType().Name,
    };

    public static string Detail(CaseEvent e) => e switch
    {
        Received r => $"{r.Channel.Label()}，{r.ApplicantType.Label()}，编号 {r.CaseNumber}",
        SupplementRequested r => $"补正事项：{r.Items}" + (r.RespondBy is { } by ? $"；补正期限 {by:yyyy-MM-dd}" : ""),
        ConsultationStarted c => $"{c.ConsultationId}：{c.Kind.Label()} {c.Party}",
        ConsultationAnswered c => c.ConsultationId + (c.PartyAnswer is { } answer ? $"：{answer.Label()}" : "")
            + (c.Reasons is { Length: > 0 } reasons ? $"（理由：{reasons}）" : ""),
        PublicInterestDisclosureDecided p => $"{p.ConsultationId}：理由：{p.Reasons}；{p.ThirdPartyNotifiedOn:yyyy-MM-dd} 书面告知第三方",
        FeeWaived w => $"理由：{w.Reason}",
        FeePaid p => p.Amount is { } paid ? $"{paid:0.##} 元" : "",
        ConsultationLapsed c => c.ConsultationId,
        Extended x => $"批准人 {x.Approver}；理由：{x.Reason}；{x.ApplicantToldOn:yyyy-MM-dd} 告知申请人",
        FeeNoticeIssued f => (f.Quantity is { } q ? Domain.Fees.FeeSchedule.Compute(f.Method, q).Explanation : $"{f.Amount} 元（{f.Method.Label()}）")
            + $"；申请人 {f.ApplicantReceivedOn:yyyy-MM-dd} 收到",
        DelayedAnswerDateSet d => $"答复期限 {d.AnswerBy:yyyy-MM-dd}",
        Decided d => d.Outcome.Label() + Grounds(d.WithheldGrounds) + (d.RepeatOf is { } earlier ? $"；原申请 {earlier}" : "")
            + (d.GroundsNotRecorded ? "；台账未载明不予公开部分的理由（不完整）" : "") + (d.Note.Length > 0 ? $"；{d.Note}" : ""),
        ReconsiderationFiled r => $"{r.AppealId}：{r.Body}",
        ReconsiderationConcluded r => $"{r.AppealId}：{r.Result.Label()}",
        LawsuitFiled l => $"{l.AppealId}：{l.Court}" + (l.AfterReconsideration ? "（经复议）" : ""),
        LawsuitConcluded l => $"{l.AppealId}：{l.Result.Label()}",
        DateCorrected d => $"第 {d.Milestone} 个环节的日期应为 {d.CorrectDate:yyyy-MM-dd}；理由：{d.Reason}",
        OutcomeCorrected o => $"应为 {o.Outcome.Label()}{Grounds(o.WithheldGrounds)}；理由：{o.Reason}",
        ApplicantTypeCorrected a => $"应为 {a.ApplicantType.Label()}；理由：{a.Reason}",
        LetterIssued l => $"文号 {l.Number}（模板第 {l.TemplateVersion} 版）",
        LetterDelivered d => $"文书 {d.LetterId}：{d.Detail}" + (d.At is { } at ? $"，{at:yyyy-MM-dd HH:mm}" : ""),
        Assigned a => $"承办人 {a.Assignee}",
        // The file name only for documents without personal data: the timeline shows none (see the documents list).
        DocumentAttached d => d.Kind.Label() + (d.Kind.HoldsPersonalData() ? "" : $"“{d.FileName}”")
            + $"，{Documents.DocumentSizes.Show(d.Size)}，SHA-256 {d.Sha256[..12]}…",
        PersonalDataErased p => $"理由：{p.Reason}；操作人 {p.By}",
        _ => "",
    };

    private static string Grounds(GroundList grounds) =>
        grounds.Items.Count == 0 ? "" : "；不予公开理由：" + string.Join("、", grounds.Items.Select(g => g.Label()));
}

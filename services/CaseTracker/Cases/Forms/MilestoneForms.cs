using CaseTracker.Domain.Cases;
using CaseTracker.Web.Forms;

namespace CaseTracker.Cases.Forms;

/// <summary>
/// A milestone a caseworker records on a case: the form, its typed body (<see cref="Body"/>, the API's request schema, which
/// validates the form post and the JSON alike) and the command it becomes.
/// </summary>
public sealed record MilestoneForm(string Kind, string Label, IReadOnlyList<Field> Fields, Type Body, Func<FormValues, CaseCommand> Build)
{
    public static MilestoneForm Of<TBody>(string kind, string label, IReadOnlyList<Field> fields)
        where TBody : IMilestoneBody<TBody> => new(kind, label, fields, typeof(TBody), v => TBody.Read(v).ToCommand());

    public bool IsCorrection => Kind.StartsWith("correct-", StringComparison.Ordinal);

    /// <summary>The command this form records, as <see cref="CaseDecider.Offered"/> names it ("request-supplement" → RequestSupplement).</summary>
    public MilestoneKind Command { get; } = Enum.Parse<MilestoneKind>(Kind.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);

    public bool IsAppeal => Kind.Contains("reconsideration", StringComparison.Ordinal) || Kind.Contains("lawsuit", StringComparison.Ordinal);
}

/// <summary>Every <see cref="CaseCommand"/> after the receipt, one form each (the kind is the URL segment).</summary>
public static class MilestoneForms
{
    private static readonly Field Items = new("items", "需补正的事项", FieldKind.TextArea);
    private static readonly Field ConsultationId = new("consultationId", "征求意见", FieldKind.Select) { Options = Choices.OpenConsultations };

    public static readonly IReadOnlyList<MilestoneForm> All =
    [
        MilestoneForm.Of<RequestSupplementBody>("request-supplement", "告知补正（条例第三十条）",
            [Field.On("告知日期"), Items, new("respondBy", "补正期限", FieldKind.Date)]),
        MilestoneForm.Of<RecordSupplementBody>("record-supplement", "收到补正", [Field.On("收到补正日期")]),
        MilestoneForm.Of<LapseSupplementBody>("lapse-supplement", "逾期未补正（视为放弃申请）", [Field.On("逾期日期")]),
        MilestoneForm.Of<StartConsultationBody>("start-consultation", "征求意见（条例第三十二条、第三十四条）",
            [new("consultationId", "编号", FieldKind.Text, false, "留空自动编号"),
             Field.Select("kind", "征求对象类别", Choices.ConsultationKinds),
             new("party", "征求意见对象", FieldKind.Text), Field.On("发出日期"),
             new("partyReceivedOn", "对方收到征求意见日期", FieldKind.Date, false, "留空按发出日期")]),
        MilestoneForm.Of<RecordConsultationAnswerBody>("record-consultation-answer", "收到征求意见答复",
            [ConsultationId, Field.On("收到答复日期"), Field.Select("partyAnswer", "第三方意见（条例第三十二条）", Choices.ThirdPartyAnswers, false),
             new("reasons", "不同意公开的理由", FieldKind.TextArea, false)]),
        MilestoneForm.Of<DecidePublicInterestDisclosureBody>("decide-public-interest-disclosure", "以公共利益为由决定公开（条例第三十二条）",
            [new("consultationId", "第三方不同意公开的征求意见", FieldKind.Select) { Options = Choices.ObjectedConsultations }, Field.On("决定日期"), new("reasons", "不公开可能对公共利益造成重大影响的理由", FieldKind.TextArea),
             new("thirdPartyNotifiedOn", "书面告知第三方日期", FieldKind.Date)]),
        MilestoneForm.Of<LapseConsultationBody>("lapse-consultation", "征求意见逾期未答复", [ConsultationId, Field.On("逾期日期")]),
        MilestoneForm.Of<ExtendBody>("extend", "延长答复期限（条例第三十三条第二款）",
            [Field.On("延期日期"), new("approver", "批准人（政府信息公开工作机构负责人）", FieldKind.Text),
             new("reason", "延期理由", FieldKind.TextArea),
             new("applicantToldOn", "告知申请人日期", FieldKind.Date)]),
        MilestoneForm.Of<IssueFeeNoticeBody>("issue-fee-notice", "发出收费通知（国办函〔2020〕109号）",
            [Field.On("通知日期"), Field.Select("method", "计费方式", Choices.FeeMethods),
             new("pages", "计费页数", FieldKind.Number, false, "按量计收时填写：1–30页免费，31–100页每页10元，101–200页每页20元，201页起每页40元"),
             new("amount", "收费金额（元）", FieldKind.Number, false, "留空按计费标准计算；按件：当月第1–10件免费，11–30件每件100元，此后每10件每件加100元"),
             new("applicantReceivedOn", "申请人收到通知日期", FieldKind.Date)]),
        MilestoneForm.Of<RecordFeePaymentBody>("record-fee-payment", "收到缴费",
            [Field.On("缴费日期"), new("amount", "缴费金额（元）", FieldKind.Number, false, "留空为收费通知的金额")]),
        MilestoneForm.Of<WaiveFeeBody>("waive-fee", "减免收费（国办函〔2020〕109号）", [Field.On("减免日期"), new("reason", "减免理由", FieldKind.TextArea)]),
        MilestoneForm.Of<LapseFeeBody>("lapse-fee", "逾期未缴费", [Field.On("逾期日期")]),
        MilestoneForm.Of<RequestReasonsBody>("request-reasons", "要求说明理由（条例第三十五条）", [Field.On("要求日期")]),
        MilestoneForm.Of<SetDelayedAnswerDateBody>("set-delayed-answer-date", "确定延迟答复期限（条例第三十五条）",
            [Field.On("确定日期"), new("answerBy", "答复期限", FieldKind.Date),
             new("applicantToldOn", "告知申请人日期", FieldKind.Date, false, "留空按确定日期")]),
        MilestoneForm.Of<AnswerBody>("answer", "作出答复（条例第三十六条）",
            [Field.On("答复日期"), new("outcome", "答复结果", FieldKind.Select) { Options = _ => Options(Choices.Decisions) },
             new("withheldGrounds", "部分公开的不予公开理由（条例第三十七条）", FieldKind.MultiSelect, false)
             {
                 Options = _ => Options(Choices.WithholdingGrounds),
             },
             new("note", "备注", FieldKind.TextArea, false),
             new("repeatOf", "原申请编号（重复申请）", FieldKind.Text, false, "以“重复申请”不予处理时必填：同一申请人此前已经答复的申请")]),
        MilestoneForm.Of<WithdrawBody>("withdraw", "申请人撤回申请", [Field.On("撤回日期")]),
        MilestoneForm.Of<FileReconsiderationBody>("file-reconsideration", "申请人申请行政复议",
            [new("appealId", "编号", FieldKind.Text, false, "留空自动编号"), Field.On("申请复议日期"),
             new("body", "复议机关", FieldKind.Text)]),
        MilestoneForm.Of<ConcludeReconsiderationBody>("conclude-reconsideration", "行政复议结果",
            [new("appealId", "行政复议", FieldKind.Select) { Options = s => Choices.OpenAppeals(s, AppealKind.Reconsideration) }, Field.On("决定日期"),
             Field.Select("result", "复议结果", Choices.AppealResults)]),
        MilestoneForm.Of<FileLawsuitBody>("file-lawsuit", "申请人提起行政诉讼",
            [new("appealId", "编号", FieldKind.Text, false, "留空自动编号"), Field.On("起诉日期"), new("court", "法院", FieldKind.Text),
             new("afterReconsideration", "经复议后起诉", FieldKind.Checkbox, false)]),
        MilestoneForm.Of<ConcludeLawsuitBody>("conclude-lawsuit", "行政诉讼结果",
            [new("appealId", "行政诉讼", FieldKind.Select) { Options = s => Choices.OpenAppeals(s, AppealKind.Lawsuit) }, Field.On("判决日期"),
             Field.Select("result", "诉讼结果", Choices.AppealResults)]),
        MilestoneForm.Of<CorrectDateBody>("correct-date", "更正日期",
            [new("milestone", "更正哪个环节", FieldKind.Select) { Options = Choices.Milestones }, new("rightDate", "正确日期", FieldKind.Date),
             Field.Reason,
             Field.On("更正日期")]),
        MilestoneForm.Of<CorrectOutcomeBody>("correct-outcome", "更正答复结果",
            [new("outcome", "正确的答复结果", FieldKind.Select) { Options = _ => Options(Choices.AllOutcomes) },
             new("withheldGrounds", "不予公开理由", FieldKind.MultiSelect, false) { Options = _ => Options(Choices.WithholdingGrounds) }, Field.Reason,
             Field.On("更正日期")]),
        MilestoneForm.Of<CorrectApplicantTypeBody>("correct-applicant-type", "更正申请人类型",
            [Field.Select("applicantType", "正确的申请人类型", Vocabulary.ApplicantTypes), Field.Reason, Field.On("更正日期")]),
    ];

    public static MilestoneForm? Find(string kind) => All.FirstOrDefault(f => f.Kind == kind);

    private static IReadOnlyList<(string, string)> Options<T>(IReadOnlyList<(T Value, string Label)> choices)
        where T : struct, Enum => choices.Select(c => (c.Value.ToString(), c.Label)).ToList();
}

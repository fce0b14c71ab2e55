using CaseTracker.Domain.Cases;
using CaseTracker.Web.Forms;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Cases.Forms;

/// <summary>A milestone a caseworker records on a case: the form (and API body) and the command it becomes.</summary>
public sealed record MilestoneForm(string Kind, string Label, IReadOnlyList<Field> Fields, Func<FormValues, CaseCommand> Build)
{
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
        new("request-supplement", "告知补正（条例第三十条）", [Field.On("告知日期"), Items, new("respondBy", "补正期限", FieldKind.Date)],
            v => new RequestSupplement(v.Date("on", "告知日期"), v.Text("items", "需补正的事项"), v.Date("respondBy", "补正期限"))),
        new("record-supplement", "收到补正", [Field.On("收到补正日期")], v => new RecordSupplement(v.Date("on", "收到补正日期"))),
        new("lapse-supplement", "逾期未补正（视为放弃申请）", [Field.On("逾期日期")], v => new LapseSupplement(v.Date("on", "逾期日期"))),
        new("start-consultation", "征求意见（条例第三十二条、第三十四条）",
            [new("consultationId", "编号", FieldKind.Text, false, "留空自动编号"), Field.Select("kind", "征求对象类别", Choices.ConsultationKinds),
             new("party", "征求意见对象", FieldKind.Text), Field.On("发出日期"), new("partyReceivedOn", "对方收到征求意见日期", FieldKind.Date, false, "留空按发出日期")],
            v => new StartConsultation(v.Optional("consultationId", "编号", 40) ?? $"Z{Guid.NewGuid().ToString("N")[..6]}",
                v.Choice("kind", "征求对象类别", Choices.ConsultationKinds), v.Text("party", "征求意见对象", 200), v.Date("on", "发出日期"),
                v.OptionalDate("partyReceivedOn", "对方收到征求意见日期"))),
        new("record-consultation-answer", "收到征求意见答复", [ConsultationId, Field.On("收到答复日期")],
            v => new RecordConsultationAnswer(v.Text("consultationId", "征求意见", 40), v.Date("on", "收到答复日期"))),
        new("lapse-consultation", "征求意见逾期未答复", [ConsultationId, Field.On("逾期日期")],
            v => new LapseConsultation(v.Text("consultationId", "征求意见", 40), v.Date("on", "逾期日期"))),
        new("extend", "延长答复期限（条例第三十三条第二款）",
            [Field.On("延期日期"), new("approver", "批准人（政府信息公开工作机构负责人）", FieldKind.Text), new("reason", "延期理由", FieldKind.TextArea),
             new("applicantToldOn", "告知申请人日期", FieldKind.Date)],
            v => new Extend(v.Date("on", "延期日期"), v.Text("approver", "批准人", 100), v.Text("reason", "延期理由"), v.Date("applicantToldOn", "告知申请人日期"))),
        new("issue-fee-notice", "发出收费通知（国办函〔2020〕109号）",
            [Field.On("通知日期"), new("amount", "金额（元）", FieldKind.Number), Field.Select("method", "计收方式", Choices.FeeMethods),
             new("applicantReceivedOn", "申请人收到通知日期", FieldKind.Date)],
            v => new IssueFeeNotice(v.Date("on", "通知日期"), v.Decimal("amount", "金额（元）", 0.01m, 1_000_000m), v.Choice("method", "计收方式", Choices.FeeMethods),
                v.Date("applicantReceivedOn", "申请人收到通知日期"))),
        new("record-fee-payment", "收到缴费", [Field.On("缴费日期")], v => new RecordFeePayment(v.Date("on", "缴费日期"))),
        new("lapse-fee", "逾期未缴费", [Field.On("逾期日期")], v => new LapseFee(v.Date("on", "逾期日期"))),
        new("request-reasons", "要求说明理由（条例第三十五条）", [Field.On("要求日期")], v => new RequestReasons(v.Date("on", "要求日期"))),
        new("set-delayed-answer-date", "确定延迟答复期限（条例第三十五条）",
            [Field.On("确定日期"), new("answerBy", "答复期限", FieldKind.Date), new("applicantToldOn", "告知申请人日期", FieldKind.Date, false, "留空按确定日期")],
            v => new SetDelayedAnswerDate(v.Date("on", "确定日期"), v.Date("answerBy", "答复期限"), v.OptionalDate("applicantToldOn", "告知申请人日期"))),
        new("answer", "作出答复（条例第三十六条）",
            [Field.On("答复日期"), new("outcome", "答复结果", FieldKind.Select) { Options = _ => Options(Choices.Decisions) },
             new("withheldGrounds", "部分公开的不予公开理由（条例第三十七条）", FieldKind.MultiSelect, false) { Options = _ => Options(Choices.WithholdingGrounds) },
             new("note", "备注", FieldKind.TextArea, false)],
            v => new Answer(v.Date("on", "答复日期"), v.Choice("outcome", "答复结果", Choices.Decisions),
                new GroundList(v.Choices("withheldGrounds", "不予公开理由", Choices.WithholdingGrounds)), v.Optional("note", "备注") ?? "")),
        new("withdraw", "申请人撤回申请", [Field.On("撤回日期")], v => new Withdraw(v.Date("on", "撤回日期"))),
        new("file-reconsideration", "申请人申请行政复议",
            [new("appealId", "编号", FieldKind.Text, false, "留空自动编号"), Field.On("申请复议日期"), new("body", "复议机关", FieldKind.Text)],
            v => new FileReconsideration(AppealId(v), v.Date("on", "申请复议日期"), v.Text("body", "复议机关", 200))),
        new("conclude-reconsideration", "行政复议结果",
            [new("appealId", "行政复议", FieldKind.Select) { Options = s => Choices.OpenAppeals(s, AppealKind.Reconsideration) }, Field.On("决定日期"),
             Field.Select("result", "复议结果", Choices.AppealResults)],
            v => new ConcludeReconsideration(v.Text("appealId", "行政复议", 40), v.Date("on", "决定日期"), v.Choice("result", "复议结果", Choices.AppealResults))),
        new("file-lawsuit", "申请人提起行政诉讼",
            [new("appealId", "编号", FieldKind.Text, false, "留空自动编号"), Field.On("起诉日期"), new("court", "法院", FieldKind.Text),
             new("afterReconsideration", "经复议后起诉", FieldKind.Checkbox, false)],
            v => new FileLawsuit(AppealId(v), v.Date("on", "起诉日期"), v.Text("court", "法院", 200), v.Bool("afterReconsideration"))),
        new("conclude-lawsuit", "行政诉讼结果",
            [new("appealId", "行政诉讼", FieldKind.Select) { Options = s => Choices.OpenAppeals(s, AppealKind.Lawsuit) }, Field.On("判决日期"),
             Field.Select("result", "诉讼结果", Choices.AppealResults)],
            v => new ConcludeLawsuit(v.Text("appealId", "行政诉讼", 40), v.Date("on", "判决日期"), v.Choice("result", "诉讼结果", Choices.AppealResults))),
        new("correct-date", "更正日期",
            [new("milestone", "更正哪个环节", FieldKind.Select) { Options = Choices.Milestones }, new("rightDate", "正确日期", FieldKind.Date), Field.Reason,
             Field.On("更正日期")],
            v => new CorrectDate(v.Int("milestone", "更正哪个环节", 0, 100_000), v.Date("rightDate", "正确日期"), v.Text("reason", "更正理由"), v.Date("on", "更正日期"))),
        new("correct-outcome", "更正答复结果",
            [new("outcome", "正确的答复结果", FieldKind.Select) { Options = _ => Options(Choices.AllOutcomes) },
             new("withheldGrounds", "不予公开理由", FieldKind.MultiSelect, false) { Options = _ => Options(Choices.WithholdingGrounds) }, Field.Reason,
             Field.On("更正日期")],
            v => new CorrectOutcome(v.Choice("outcome", "正确的答复结果", Choices.AllOutcomes),
                new GroundList(v.Choices("withheldGrounds", "不予公开理由", Choices.WithholdingGrounds)), v.Text("reason", "更正理由"), v.Date("on", "更正日期"))),
        new("correct-applicant-type", "更正申请人类型",
            [Field.Select("applicantType", "正确的申请人类型", Vocabulary.ApplicantTypes), Field.Reason, Field.On("更正日期")],
            v => new CorrectApplicantType(v.Choice("applicantType", "正确的申请人类型", Vocabulary.ApplicantTypes), v.Text("reason", "更正理由"), v.Date("on", "更正日期"))),
    ];

    public static MilestoneForm? Find(string kind) => All.FirstOrDefault(f => f.Kind == kind);

    private static string AppealId(FormValues v) => v.Optional("appealId", "编号", 40) ?? $"F{Guid.NewGuid().ToString("N")[..6]}";

    private static IReadOnlyList<(string, string)> Options<T>(IReadOnlyList<(T Value, string Label)> choices)
        where T : struct, Enum => choices.Select(c => (c.Value.ToString(), c.Label)).ToList();
}

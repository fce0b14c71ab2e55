using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CaseTracker.Agencies;
using CaseTracker.Cases.Forms;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Pipeline;
using CaseTracker.Web.Forms;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Cases;

/// <summary>
/// A typed request body of the case API, read from a JSON object or a form post (both arrive as <see cref="FormValues"/>):
/// every refusal is a <see cref="UserError"/> naming the field, in Chinese. Property names are the form fields (camelCase in JSON);
/// the attributes describe the body in the OpenAPI document, <see cref="Read"/> is the validation.
/// </summary>
public interface IRequestBody<TSelf>
    where TSelf : IRequestBody<TSelf>
{
    static abstract TSelf Read(FormValues values);
}

/// <summary>The body of one milestone kind and the command it becomes.</summary>
public interface IMilestoneBody<TSelf> : IRequestBody<TSelf>
    where TSelf : IMilestoneBody<TSelf>
{
    CaseCommand ToCommand();
}

public static class RequestBodies
{
    /// <summary>A JSON body (duplicate keys, wrong types, nesting: a 400 naming the field, never a 500).</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpRequest request)
        where T : IRequestBody<T> => T.Read(await WebForms.ReadJsonAsync(request));
}

/// <summary>收到申请: POST /api/cases (and the intake form).</summary>
public sealed record IntakeBody(
    [property: Description("申请编号（同一机关内唯一）"), MaxLength(64)] string CaseNumber,
    [property: Description("办理机关（须已登记）"), MaxLength(200)] string Agency,
    [property: Description("收到申请日期")] DateOnly On,
    [property: Description("申请方式（代码或中文名称）")] Channel Channel,
    [property: Description("申请人类型（代码或中文名称，如 NaturalPerson 或 自然人）")] ApplicantType ApplicantType,
    [property: Description("申请人姓名或名称"), MaxLength(200)] string Name,
    [property: Description("申请公开的政府信息内容描述"), MaxLength(FormValues.MaxText)] string Description,
    [property: Description("证件号码"), MaxLength(40)] string? IdNumber = null,
    [property: Description("联系电话"), MaxLength(40)] string? Phone = null,
    [property: Description("通信地址"), MaxLength(400)] string? Address = null,
    [property: Description("获取信息的方式，如：纸质、电子邮件"), MaxLength(100)] string? RequestedForm = null) : IRequestBody<IntakeBody>
{
    public static IntakeBody Read(FormValues v)
    {
        var agency = v.Text("agency", "办理机关", 200);
        var caseNumber = v.Text("caseNumber", "申请编号", 64);
        var on = v.Date("on", "收到申请日期");
        var channel = v.Choice("channel", "申请方式", Vocabulary.Channels);
        var applicantType = v.Choice("applicantType", "申请人类型", Vocabulary.ApplicantTypes);
        var name = v.Text("name", "申请人姓名或名称", 200);
        var idNumber = v.Optional("idNumber", "证件号码", 40);
        var phone = v.Optional("phone", "联系电话", 40);
        var address = v.Optional("address", "通信地址", 400);
        return new(caseNumber, agency, on, channel, applicantType, name, v.Text("description", "申请公开的政府信息内容描述"),
            idNumber, phone, address,
            v.Optional("requestedForm", "获取信息的方式", 100));
    }

    public Receive ToCommand(Guid caseId) =>
        new(caseId, Agency, CaseNumber, On, Channel, ApplicantType, new PersonalData(Guid.NewGuid(), Name, IdNumber, Phone, Address),
            Description, RequestedForm ?? "");

    /// <summary>The receiving agency must be registered (the pipeline then checks the user may record for it).</summary>
    public async Task<Receive> ToCommandAsync(Guid caseId, AgencyDirectory agencies, CancellationToken ct) =>
        (await agencies.ListAsync(ct)).Any(a => a.Name == Agency)
            ? ToCommand(caseId)
            : throw new UserError("agency", $"办理机关：“{Agency}”未登记。");
}

/// <summary>告知补正（条例第三十条）.</summary>
public sealed record RequestSupplementBody(
    [property: Description("告知日期")] DateOnly On,
    [property: Description("需补正的事项"), MaxLength(FormValues.MaxText)] string Items,
    [property: Description("补正期限：申请人最迟补正的日期（条例第三十条，须合理）")] DateOnly RespondBy)
        : IMilestoneBody<RequestSupplementBody>
{
    public static RequestSupplementBody Read(FormValues v) =>
        new(v.Date("on", "告知日期"), v.Text("items", "需补正的事项"), v.Date("respondBy", "补正期限"));

    public CaseCommand ToCommand() => new RequestSupplement(On, Items, RespondBy);
}

/// <summary>收到补正.</summary>
public sealed record RecordSupplementBody([property: Description("收到补正日期")] DateOnly On) : IMilestoneBody<RecordSupplementBody>
{
    public static RecordSupplementBody Read(FormValues v) => new(v.Date("on", "收到补正日期"));

    public CaseCommand ToCommand() => new RecordSupplement(On);
}

/// <summary>逾期未补正（视为放弃申请）.</summary>
public sealed record LapseSupplementBody([property: Description("逾期日期")] DateOnly On) : IMilestoneBody<LapseSupplementBody>
{
    public static LapseSupplementBody Read(FormValues v) => new(v.Date("on", "逾期日期"));

    public CaseCommand ToCommand() => new LapseSupplement(On);
}

/// <summary>征求意见（条例第三十二条、第三十四条）.</summary>
public sealed record StartConsultationBody(
    [property: Description("征求对象类别（代码或中文名称）")] ConsultationKind Kind,
    [property: Description("征求意见对象"), MaxLength(200)] string Party,
    [property: Description("发出日期")] DateOnly On,
    [property: Description("编号（留空自动编号）"), MaxLength(40)] string? ConsultationId = null,
    [property: Description("对方收到征求意见日期（留空按发出日期）")] DateOnly? PartyReceivedOn = null)
        : IMilestoneBody<StartConsultationBody>
{
    public static StartConsultationBody Read(FormValues v)
    {
        var id = v.Optional("consultationId", "编号", 40);
        return new(v.Choice("kind", "征求对象类别", Choices.ConsultationKinds), v.Text("party", "征求意见对象", 200),
            v.Date("on", "发出日期"), id,
            v.OptionalDate("partyReceivedOn", "对方收到征求意见日期"));
    }

    public CaseCommand ToCommand() => new StartConsultation(ConsultationId ?? $"Z{Guid.NewGuid().ToString("N")[..6]}", Kind, Party, On, PartyReceivedOn);
}

/// <summary>收到征求意见答复.</summary>
public sealed record RecordConsultationAnswerBody(
    [property: Description("征求意见的编号"), MaxLength(40)] string ConsultationId,
    [property: Description("收到答复日期")] DateOnly On,
    [property: Description("第三方的意见（条例第三十二条）：同意公开、不同意公开；征求其他机关意见时留空")] ThirdPartyAnswer? PartyAnswer = null,
    [property: Description("第三方不同意公开的理由"), MaxLength(FormValues.MaxText)] string? Reasons = null) : IMilestoneBody<RecordConsultationAnswerBody>
{
    public static RecordConsultationAnswerBody Read(FormValues v) => new(v.Text("consultationId", "征求意见", 40), v.Date("on", "收到答复日期"),
        v.Optional("partyAnswer", "第三方意见", 40) is null ? null : v.Choice("partyAnswer", "第三方意见", Choices.ThirdPartyAnswers),
        v.Optional("reasons", "不同意公开的理由"));

    public CaseCommand ToCommand() => new RecordConsultationAnswer(ConsultationId, On, PartyAnswer, Reasons);
}

/// <summary>征求意见逾期未答复.</summary>
public sealed record LapseConsultationBody(
    [property: Description("征求意见的编号"), MaxLength(40)] string ConsultationId,
    [property: Description("逾期日期")] DateOnly On) : IMilestoneBody<LapseConsultationBody>
{
    public static LapseConsultationBody Read(FormValues v) => new(v.Text("consultationId", "征求意见", 40), v.Date("on", "逾期日期"));

    public CaseCommand ToCommand() => new LapseConsultation(ConsultationId, On);
}

/// <summary>延长答复期限（条例第三十三条第二款）.</summary>
public sealed record ExtendBody(
    [property: Description("延期日期")] DateOnly On,
    [property: Description("批准人（政府信息公开工作机构负责人）"), MaxLength(100)] string Approver,
    [property: Description("延期理由"), MaxLength(FormValues.MaxText)] string Reason,
    [property: Description("告知申请人日期")] DateOnly ApplicantToldOn) : IMilestoneBody<ExtendBody>
{
    public static ExtendBody Read(FormValues v) =>
        new(v.Date("on", "延期日期"), v.Text("approver", "批准人", 100), v.Text("reason", "延期理由"),
            v.Date("applicantToldOn", "告知申请人日期"));

    public CaseCommand ToCommand() => new Extend(On, Approver, Reason, ApplicantToldOn);
}

/// <summary>
/// 发出收费通知（国办函〔2020〕109号）. The amount is the tiers' computation: 按件 from the applicant's requests to the agency in the
/// month (looked up by the keyed hash of the ID number), 按量 from <see cref="Pages"/>. An amount given must agree with it.
/// </summary>
public sealed record IssueFeeNoticeBody(
    [property: Description("通知日期")] DateOnly On,
    [property: Description("计费方式（代码或中文名称：按件、按量）")] FeeMethod Method,
    [property: Description("申请人收到通知日期")] DateOnly ApplicantReceivedOn,
    [property: Description("计费页数（按量计收时必填）"), Range(1, 1_000_000)] int? Pages = null,
    [property: Description("收费金额（元）；留空按计费标准计算，填写的须与计算结果一致"), Range(0.01, 1_000_000)] decimal? Amount = null)
    : IMilestoneBody<IssueFeeNoticeBody>
{
    public static IssueFeeNoticeBody Read(FormValues v)
    {
        var method = v.Choice("method", "计费方式", Choices.FeeMethods);
        var pages = method == FeeMethod.PerVolume ? v.Int("pages", "计费页数", 1, 1_000_000) : (int?)null;
        var amount = v.Optional("amount", "收费金额（元）", 40) is null ? (decimal?)null : v.Decimal("amount", "收费金额（元）", 0.01m, 1_000_000m);
        return new(v.Date("on", "通知日期"), method, v.Date("applicantReceivedOn", "申请人收到通知日期"), pages, amount);
    }

    public CaseCommand ToCommand()
    {
        if (Method == FeeMethod.PerVolume && Pages is null)
        {
            throw new UserError("pages", "计费页数：按量计收须填写页数（国办函〔2020〕109号）。");
        }

        var quantity = Method == FeeMethod.PerVolume ? Pages : null;
        var amount = Amount ?? (quantity is { } q ? Domain.Fees.FeeSchedule.Compute(Method, q).Amount : 0m);
        return new IssueFeeNotice(On, amount, Method, ApplicantReceivedOn, quantity);
    }
}

/// <summary>收到缴费.</summary>
public sealed record RecordFeePaymentBody(
    [property: Description("缴费日期")] DateOnly On,
    [property: Description("缴费金额（元）；留空为收费通知的金额"), Range(0.01, 1_000_000)] decimal? Amount = null) : IMilestoneBody<RecordFeePaymentBody>
{
    public static RecordFeePaymentBody Read(FormValues v) => new(v.Date("on", "缴费日期"),
        v.Optional("amount", "缴费金额（元）", 40) is null ? null : v.Decimal("amount", "缴费金额（元）", 0.01m, 1_000_000m));

    public CaseCommand ToCommand() => new RecordFeePayment(On, Amount);
}

/// <summary>减免收费（国办函〔2020〕109号）：另行登记，写明理由.</summary>
public sealed record WaiveFeeBody(
    [property: Description("减免日期")] DateOnly On,
    [property: Description("减免理由"), MaxLength(FormValues.MaxText)] string Reason) : IMilestoneBody<WaiveFeeBody>
{
    public static WaiveFeeBody Read(FormValues v) => new(v.Date("on", "减免日期"), v.Text("reason", "减免理由"));

    public CaseCommand ToCommand() => new WaiveFee(On, Reason);
}

/// <summary>以公共利益为由决定公开（条例第三十二条）：第三方不同意公开时，写明理由并书面告知第三方.</summary>
public sealed record DecidePublicInterestDisclosureBody(
    [property: Description("征求意见的编号"), MaxLength(40)] string ConsultationId,
    [property: Description("决定日期")] DateOnly On,
    [property: Description("不公开可能对公共利益造成重大影响的理由"), MaxLength(FormValues.MaxText)] string Reasons,
    [property: Description("书面告知第三方日期")] DateOnly ThirdPartyNotifiedOn) : IMilestoneBody<DecidePublicInterestDisclosureBody>
{
    public static DecidePublicInterestDisclosureBody Read(FormValues v) => new(v.Text("consultationId", "征求意见", 40), v.Date("on", "决定日期"),
        v.Text("reasons", "理由"), v.Date("thirdPartyNotifiedOn", "书面告知第三方日期"));

    public CaseCommand ToCommand() => new DecidePublicInterestDisclosure(ConsultationId, On, Reasons, ThirdPartyNotifiedOn);
}

/// <summary>逾期未缴费.</summary>
public sealed record LapseFeeBody([property: Description("逾期日期")] DateOnly On) : IMilestoneBody<LapseFeeBody>
{
    public static LapseFeeBody Read(FormValues v) => new(v.Date("on", "逾期日期"));

    public CaseCommand ToCommand() => new LapseFee(On);
}

/// <summary>要求说明理由（条例第三十五条）.</summary>
public sealed record RequestReasonsBody([property: Description("要求日期")] DateOnly On) : IMilestoneBody<RequestReasonsBody>
{
    public static RequestReasonsBody Read(FormValues v) => new(v.Date("on", "要求日期"));

    public CaseCommand ToCommand() => new RequestReasons(On);
}

/// <summary>确定延迟答复期限（条例第三十五条）.</summary>
public sealed record SetDelayedAnswerDateBody(
    [property: Description("确定日期")] DateOnly On,
    [property: Description("答复期限")] DateOnly AnswerBy,
    [property: Description("告知申请人日期（留空按确定日期）")] DateOnly? ApplicantToldOn = null) : IMilestoneBody<SetDelayedAnswerDateBody>
{
    public static SetDelayedAnswerDateBody Read(FormValues v) =>
        new(v.Date("on", "确定日期"), v.Date("answerBy", "答复期限"), v.OptionalDate("applicantToldOn", "告知申请人日期"));

    public CaseCommand ToCommand() => new SetDelayedAnswerDate(On, AnswerBy, ApplicantToldOn);
}

/// <summary>作出答复（条例第三十六条）.</summary>
public sealed record AnswerBody(
    [property: Description("答复日期")] DateOnly On,
    [property: Description("答复结果（代码或中文名称；只限答复类结果）")] Outcome Outcome,
    [property: Description("部分公开的不予公开理由（条例第三十七条）：数组，或以逗号分隔的文本")]
    IReadOnlyList<Outcome>? WithheldGrounds = null,
    [property: Description("备注"), MaxLength(FormValues.MaxText)] string? Note = null,
    [property: Description("重复申请的原申请编号（条例第三十六条第（六）项：同一申请人此前已经答复的申请）"), MaxLength(60)] string? RepeatOf = null)
    : IMilestoneBody<AnswerBody>
{
    public static AnswerBody Read(FormValues v) => new(v.Date("on", "答复日期"), v.Choice("outcome", "答复结果", Choices.Decisions),
        v.Choices("withheldGrounds", "不予公开理由", Choices.WithholdingGrounds), v.Optional("note", "备注"), v.Optional("repeatOf", "原申请编号", 60));

    public CaseCommand ToCommand() => new Answer(On, Outcome, new GroundList(WithheldGrounds ?? []), Note ?? "", RepeatOf: RepeatOf);
}

/// <summary>申请人撤回申请.</summary>
public sealed record WithdrawBody([property: Description("撤回日期")] DateOnly On) : IMilestoneBody<WithdrawBody>
{
    public static WithdrawBody Read(FormValues v) => new(v.Date("on", "撤回日期"));

    public CaseCommand ToCommand() => new Withdraw(On);
}

/// <summary>申请人申请行政复议.</summary>
public sealed record FileReconsiderationBody(
    [property: Description("申请复议日期")] DateOnly On,
    [property: Description("复议机关"), MaxLength(200)] string Body,
    [property: Description("编号（留空自动编号）"), MaxLength(40)] string? AppealId = null) : IMilestoneBody<FileReconsiderationBody>
{
    public static FileReconsiderationBody Read(FormValues v)
    {
        var id = v.Optional("appealId", "编号", 40);
        return new(v.Date("on", "申请复议日期"), v.Text("body", "复议机关", 200), id);
    }

    public CaseCommand ToCommand() => new FileReconsideration(AppealIds.OrNew(AppealId), On, Body);
}

/// <summary>行政复议结果.</summary>
public sealed record ConcludeReconsiderationBody(
    [property: Description("行政复议的编号"), MaxLength(40)] string AppealId,
    [property: Description("决定日期")] DateOnly On,
    [property: Description("复议结果（代码或中文名称）")] AppealResult Result) : IMilestoneBody<ConcludeReconsiderationBody>
{
    public static ConcludeReconsiderationBody Read(FormValues v) =>
        new(v.Text("appealId", "行政复议", 40), v.Date("on", "决定日期"), v.Choice("result", "复议结果", Choices.AppealResults));

    public CaseCommand ToCommand() => new ConcludeReconsideration(AppealId, On, Result);
}

/// <summary>申请人提起行政诉讼.</summary>
public sealed record FileLawsuitBody(
    [property: Description("起诉日期")] DateOnly On,
    [property: Description("法院"), MaxLength(200)] string Court,
    [property: Description("编号（留空自动编号）"), MaxLength(40)] string? AppealId = null,
    [property: Description("经复议后起诉")] bool AfterReconsideration = false) : IMilestoneBody<FileLawsuitBody>
{
    public static FileLawsuitBody Read(FormValues v)
    {
        var id = v.Optional("appealId", "编号", 40);
        return new(v.Date("on", "起诉日期"), v.Text("court", "法院", 200), id, v.Bool("afterReconsideration"));
    }

    public CaseCommand ToCommand() => new FileLawsuit(AppealIds.OrNew(AppealId), On, Court, AfterReconsideration);
}

/// <summary>行政诉讼结果.</summary>
public sealed record ConcludeLawsuitBody(
    [property: Description("行政诉讼的编号"), MaxLength(40)] string AppealId,
    [property: Description("判决日期")] DateOnly On,
    [property: Description("诉讼结果（代码或中文名称）")] AppealResult Result) : IMilestoneBody<ConcludeLawsuitBody>
{
    public static ConcludeLawsuitBody Read(FormValues v) =>
        new(v.Text("appealId", "行政诉讼", 40), v.Date("on", "判决日期"), v.Choice("result", "诉讼结果", Choices.AppealResults));

    public CaseCommand ToCommand() => new ConcludeLawsuit(AppealId, On, Result);
}

/// <summary>更正日期.</summary>
public sealed record CorrectDateBody(
    [property: Description("更正哪个环节（环节的版本号，见案件的 milestones[].version）"), Range(0, 100_000)] int Milestone,
    [property: Description("正确日期")] DateOnly RightDate,
    [property: Description("更正理由"), MaxLength(FormValues.MaxText)] string Reason,
    [property: Description("更正日期")] DateOnly On) : IMilestoneBody<CorrectDateBody>
{
    public static CorrectDateBody Read(FormValues v) =>
        new(v.Int("milestone", "更正哪个环节", 0, 100_000), v.Date("rightDate", "正确日期"), v.Text("reason", "更正理由"),
            v.Date("on", "更正日期"));

    public CaseCommand ToCommand() => new CorrectDate(Milestone, RightDate, Reason, On);
}

/// <summary>更正答复结果.</summary>
public sealed record CorrectOutcomeBody(
    [property: Description("正确的答复结果（代码或中文名称）")] Outcome Outcome,
    [property: Description("更正理由"), MaxLength(FormValues.MaxText)] string Reason,
    [property: Description("更正日期")] DateOnly On,
    [property: Description("不予公开理由：数组，或以逗号分隔的文本")] IReadOnlyList<Outcome>? WithheldGrounds = null)
        : IMilestoneBody<CorrectOutcomeBody>
{
    public static CorrectOutcomeBody Read(FormValues v)
    {
        var outcome = v.Choice("outcome", "正确的答复结果", Choices.AllOutcomes);
        var grounds = v.Choices("withheldGrounds", "不予公开理由", Choices.WithholdingGrounds);
        return new(outcome, v.Text("reason", "更正理由"), v.Date("on", "更正日期"), grounds);
    }

    public CaseCommand ToCommand() => new CorrectOutcome(Outcome, new GroundList(WithheldGrounds ?? []), Reason, On);
}

/// <summary>更正申请人类型.</summary>
public sealed record CorrectApplicantTypeBody(
    [property: Description("正确的申请人类型（代码或中文名称）")] ApplicantType ApplicantType,
    [property: Description("更正理由"), MaxLength(FormValues.MaxText)] string Reason,
    [property: Description("更正日期")] DateOnly On) : IMilestoneBody<CorrectApplicantTypeBody>
{
    public static CorrectApplicantTypeBody Read(FormValues v) =>
        new(v.Choice("applicantType", "正确的申请人类型", Vocabulary.ApplicantTypes), v.Text("reason", "更正理由"), v.Date("on", "更正日期"));

    public CaseCommand ToCommand() => new CorrectApplicantType(ApplicantType, Reason, On);
}

internal static class AppealIds
{
    public static string OrNew(string? id) => id ?? $"F{Guid.NewGuid().ToString("N")[..6]}";
}

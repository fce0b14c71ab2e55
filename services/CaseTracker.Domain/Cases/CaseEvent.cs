using CaseTracker.Domain.Outcomes;

namespace CaseTracker.Domain.Cases;

/// <summary>
/// Everything that can happen to one disclosure request. <see cref="On"/> is the business date (when it happened);
/// when it was recorded travels in the event envelope.
/// </summary>
public abstract record CaseEvent
{
    private CaseEvent()
    {
    }

    public abstract DateOnly On { get; init; }

    /// <summary>The same milestone on another business date (a correction of the date).</summary>
    public abstract CaseEvent WithDate(DateOnly date);

    /// <summary>收到申请. Starts the response period (条例第三十三条).</summary>
    public sealed record Received(
        Guid CaseId,
        string Agency,
        string CaseNumber,
        DateOnly On,
        Channel Channel,
        ApplicantType ApplicantType,
        PersonalData? Applicant,
        string Description,
        string RequestedForm) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>补正告知 (条例第三十条): stops the clock.</summary>
    public sealed record SupplementRequested(DateOnly On, string Items, DateOnly? RespondBy) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>收到补正: the response period starts again from this date.</summary>
    public sealed record SupplementReceived(DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>逾期不补正: 视为放弃申请; closes the case.</summary>
    public sealed record SupplementLapsed(DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>
    /// 征求第三方意见 (第三十二条) or 征求其他机关意见 (第三十四条). <paramref name="PartyReceivedOn"/> is the day the party
    /// received the letter: its 15 working days run from then (stored v1 events are upcast with the start date).
    /// </summary>
    public sealed record ConsultationStarted(
        string ConsultationId, ConsultationKind Kind, string Party, DateOnly On, DateOnly? PartyReceivedOn = null) : CaseEvent
    {
        /// <summary>A letter recorded as received the day it went out moves with it.</summary>
        public override CaseEvent WithDate(DateOnly date) => this with { On = date, PartyReceivedOn = PartyReceivedOn == On ? date : PartyReceivedOn };
    }

    /// <summary>
    /// The consulted party answered. For a third party (条例第三十二条) <paramref name="PartyAnswer"/> is 同意公开 or 不同意公开, the latter
    /// with the party's <paramref name="Reasons"/>; null where the answer's content was not recorded (older events, ledgers).
    /// </summary>
    public sealed record ConsultationAnswered(string ConsultationId, DateOnly On, ThirdPartyAnswer? PartyAnswer = null, string? Reasons = null) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>No answer within 15 working days: for a third party the agency decides; for another agency, consent.</summary>
    public sealed record ConsultationLapsed(string ConsultationId, DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>
    /// 条例第三十二条: the third party objected, and the agency decides to disclose because withholding would seriously affect the
    /// public interest; <paramref name="Reasons"/> are the agency's, and the third party is told in writing of the content and the
    /// reasons on <paramref name="ThirdPartyNotifiedOn"/>, before the disclosure.
    /// </summary>
    public sealed record PublicInterestDisclosureDecided(string ConsultationId, DateOnly On, string Reasons, DateOnly ThirdPartyNotifiedOn) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date, ThirdPartyNotifiedOn = ThirdPartyNotifiedOn == On ? date : ThirdPartyNotifiedOn };
    }

    /// <summary>延期答复 (第三十三条第二款), approved by the head of the disclosure office.</summary>
    public sealed record Extended(DateOnly On, string Approver, string Reason, DateOnly ApplicantToldOn) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>
    /// 收费通知 (国办函〔2020〕109号). <paramref name="Quantity"/> is what the amount rests on: for 按件 the number of this
    /// request among the applicant's requests to the agency in the calendar month, for 按量 the pages; the amount is the
    /// tiers' computation of it (<see cref="Fees.FeeSchedule"/>). Null: not recorded (a legacy ledger, events before it existed).
    /// </summary>
    public sealed record FeeNoticeIssued(DateOnly On, decimal Amount, FeeMethod Method, DateOnly ApplicantReceivedOn, int? Quantity = null) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>缴费. <paramref name="Amount"/>: 缴费金额; null = the amount of the notice.</summary>
    public sealed record FeePaid(DateOnly On, decimal? Amount = null) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>减免: the agency waives the fee of its notice, with its reasons (国办函〔2020〕109号); a separate entry, never a changed amount.</summary>
    public sealed record FeeWaived(DateOnly On, string Reason) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>逾期未缴费: closes the case.</summary>
    public sealed record FeeLapsed(DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>第三十五条: the agency asks the applicant to explain a request clearly beyond a reasonable range.</summary>
    public sealed record ReasonsRequested(DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>
    /// 第三十五条: a reasonable later date for the answer; it becomes the deadline. <paramref name="ApplicantToldOn"/> is the
    /// day the applicant was told of it (stored v1 events are upcast with the day it was set).
    /// </summary>
    public sealed record DelayedAnswerDateSet(DateOnly On, DateOnly AnswerBy, DateOnly? ApplicantToldOn = null) : CaseEvent
    {
        /// <summary>An applicant recorded as told the day the date was set is told on the corrected day.</summary>
        public override CaseEvent WithDate(DateOnly date) => this with { On = date, ApplicantToldOn = ApplicantToldOn == On ? date : ApplicantToldOn };
    }

    /// <summary>
    /// 答复. For 部分公开 the grounds of the withheld part. <paramref name="GroundsNotRecorded"/>: an old ledger's 部分公开 without the
    /// withheld part's ground, accepted on import and flagged incomplete (live entry must give the ground, 条例第三十七条).
    /// <paramref name="RepeatOf"/>: for 不予处理·重复申请 the case number of the earlier request that was answered (条例第三十六条第（六）项).
    /// </summary>
    public sealed record Decided(
        DateOnly On, Outcome Outcome, GroundList WithheldGrounds, string Note, bool GroundsNotRecorded = false, string? RepeatOf = null) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>申请人撤回.</summary>
    public sealed record Withdrawn(DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    public sealed record ReconsiderationFiled(string AppealId, DateOnly On, string Body) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    public sealed record ReconsiderationConcluded(string AppealId, DateOnly On, AppealResult Result) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    public sealed record LawsuitFiled(string AppealId, DateOnly On, string Court, bool AfterReconsideration) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    public sealed record LawsuitConcluded(string AppealId, DateOnly On, AppealResult Result) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>A milestone's business date was entered wrongly. <paramref name="Milestone"/> is its number in the stream.</summary>
    public sealed record DateCorrected(int Milestone, DateOnly CorrectDate, string Reason, DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>The decision's outcome was entered wrongly. <paramref name="RepeatOf"/>: the earlier request, for 重复申请.</summary>
    public sealed record OutcomeCorrected(Outcome Outcome, GroundList WithheldGrounds, string Reason, DateOnly On, string? RepeatOf = null) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>
    /// 承办人: the caseworker of the case's agency who handles it, set at intake or later, changed by a supervisor. Not a
    /// milestone: the clock and the tables ignore it; the timeline shows each change.
    /// </summary>
    public sealed record Assigned(string Assignee, DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>The applicant type recorded at receipt was wrong (it decides the table column).</summary>
    public sealed record ApplicantTypeCorrected(ApplicantType ApplicantType, string Reason, DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>
    /// 文书签发: the letter a milestone calls for, numbered (文号 <paramref name="Number"/>: the <paramref name="Sequence"/>-th of its
    /// agency in <paramref name="Year"/>), with the template version that made it and the SHA-256 of its rendered text.
    /// </summary>
    public sealed record LetterIssued(
        string LetterId, LetterKind Kind, string Subject, string Number, int Year, int Sequence, int TemplateVersion, string ContentHash, DateOnly On)
        : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>送达: the day (and for 电子 the time) a letter reached its addressee; the clock counts from it where the law does.</summary>
    public sealed record LetterDelivered(string LetterId, DeliveryMethod Method, string Detail, DateTimeOffset? At, DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>
    /// 附件: a document of the case file was uploaded (application form, envelope, ID copy, a third party's reply, a signed
    /// delivery receipt, a disclosed file). The content is stored once per <paramref name="Sha256"/>; every upload is an
    /// event of its own (<paramref name="DocumentId"/>), so nothing is overwritten. Does not touch the clock.
    /// </summary>
    /// <summary>
    /// 删除个人信息 (个人信息保护法第四十七条): an administrator erased the applicant's personal data, by hand or by the
    /// agency's retention rule; the subject's key (<paramref name="SubjectId"/>; none when the case had no applicant data)
    /// is destroyed after this event is stored. Not a milestone: the clock and the tables ignore it.
    /// </summary>
    public sealed record PersonalDataErased(Guid? SubjectId, string Reason, string By, DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    public sealed record DocumentAttached(
        Guid DocumentId, DocumentKind Kind, string FileName, string ContentType, string Sha256, long Size, string UploadedBy, DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }
}

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

    public sealed record ConsultationAnswered(string ConsultationId, DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>No answer within 15 working days: for a third party the agency decides; for another agency, consent.</summary>
    public sealed record ConsultationLapsed(string ConsultationId, DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>延期答复 (第三十三条第二款), approved by the head of the disclosure office.</summary>
    public sealed record Extended(DateOnly On, string Approver, string Reason, DateOnly ApplicantToldOn) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>收费通知 (国办函〔2020〕109号).</summary>
    public sealed record FeeNoticeIssued(DateOnly On, decimal Amount, FeeMethod Method, DateOnly ApplicantReceivedOn) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    public sealed record FeePaid(DateOnly On) : CaseEvent
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

    /// <summary>答复. For 部分公开 the grounds of the withheld part.</summary>
    public sealed record Decided(DateOnly On, Outcome Outcome, GroundList WithheldGrounds, string Note) : CaseEvent
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

    /// <summary>The decision's outcome was entered wrongly.</summary>
    public sealed record OutcomeCorrected(Outcome Outcome, GroundList WithheldGrounds, string Reason, DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>The applicant type recorded at receipt was wrong (it decides the table column).</summary>
    public sealed record ApplicantTypeCorrected(ApplicantType ApplicantType, string Reason, DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }

    /// <summary>
    /// 附件: a document of the case file was uploaded (application form, envelope, ID copy, a third party's reply, a signed
    /// delivery receipt, a disclosed file). The content is stored once per <paramref name="Sha256"/>; every upload is an
    /// event of its own (<paramref name="DocumentId"/>), so nothing is overwritten. Does not touch the clock.
    /// </summary>
    public sealed record DocumentAttached(
        Guid DocumentId, DocumentKind Kind, string FileName, string ContentType, string Sha256, long Size, string UploadedBy, DateOnly On) : CaseEvent
    {
        public override CaseEvent WithDate(DateOnly date) => this with { On = date };
    }
}

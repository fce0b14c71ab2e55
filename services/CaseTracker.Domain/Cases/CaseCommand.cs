using CaseTracker.Domain.Outcomes;

namespace CaseTracker.Domain.Cases;

/// <summary>What a caseworker, an import or the litigation service asks of a case. Dates come in as data.</summary>
public abstract record CaseCommand
{
    private CaseCommand()
    {
    }

    /// <summary>The business date the command records (for a correction, the day it is made).</summary>
    public abstract DateOnly On { get; init; }

    public sealed record Receive(
        Guid CaseId,
        string Agency,
        string CaseNumber,
        DateOnly On,
        Channel Channel,
        ApplicantType ApplicantType,
        PersonalData? Applicant,
        string Description,
        string RequestedForm) : CaseCommand;

    /// <summary><paramref name="RespondBy"/>: 补正期限, the last day the applicant may supplement; live entry must give one (条例第三十条).</summary>
    public sealed record RequestSupplement(DateOnly On, string Items, DateOnly? RespondBy) : CaseCommand;

    public sealed record RecordSupplement(DateOnly On) : CaseCommand;

    public sealed record LapseSupplement(DateOnly On) : CaseCommand;

    /// <summary><paramref name="PartyReceivedOn"/>: the day the party received the letter; not given = the day it went out.</summary>
    public sealed record StartConsultation(
        string ConsultationId, ConsultationKind Kind, string Party, DateOnly On, DateOnly? PartyReceivedOn = null) : CaseCommand;

    /// <param name="PartyAnswer">A third party's 同意公开 / 不同意公开 (the latter with <paramref name="Reasons"/>); null for another agency.</param>
    public sealed record RecordConsultationAnswer(string ConsultationId, DateOnly On, ThirdPartyAnswer? PartyAnswer = null, string? Reasons = null) : CaseCommand;

    /// <summary>条例第三十二条: disclose against the third party's objection for the public interest, telling the party first.</summary>
    public sealed record DecidePublicInterestDisclosure(string ConsultationId, DateOnly On, string Reasons, DateOnly ThirdPartyNotifiedOn) : CaseCommand;

    public sealed record LapseConsultation(string ConsultationId, DateOnly On) : CaseCommand;

    public sealed record Extend(DateOnly On, string Approver, string Reason, DateOnly ApplicantToldOn) : CaseCommand;

    /// <param name="Quantity">按件: this request's number among the applicant's requests to the agency in the month; 按量: pages.</param>
    public sealed record IssueFeeNotice(DateOnly On, decimal Amount, FeeMethod Method, DateOnly ApplicantReceivedOn, int? Quantity = null) : CaseCommand;

    /// <param name="Amount">缴费金额; null = the amount of the notice.</param>
    public sealed record RecordFeePayment(DateOnly On, decimal? Amount = null) : CaseCommand;

    public sealed record WaiveFee(DateOnly On, string Reason) : CaseCommand;

    public sealed record LapseFee(DateOnly On) : CaseCommand;

    public sealed record RequestReasons(DateOnly On) : CaseCommand;

    /// <summary><paramref name="ApplicantToldOn"/>: the day the applicant was told of the date; not given = the day it was set.</summary>
    public sealed record SetDelayedAnswerDate(DateOnly On, DateOnly AnswerBy, DateOnly? ApplicantToldOn = null) : CaseCommand;

    /// <param name="GroundsNotRecorded">Import only: an old ledger's 部分公开 without its ground, flagged incomplete.</param>
    /// <param name="RepeatOf">不予处理·重复申请: the earlier answered request (its case number), checked by the caller for the same applicant.</param>
    public sealed record Answer(
        DateOnly On, Outcome Outcome, GroundList WithheldGrounds, string Note, bool GroundsNotRecorded = false, string? RepeatOf = null) : CaseCommand;

    public sealed record Withdraw(DateOnly On) : CaseCommand;

    public sealed record FileReconsideration(string AppealId, DateOnly On, string Body) : CaseCommand;

    public sealed record ConcludeReconsideration(string AppealId, DateOnly On, AppealResult Result) : CaseCommand;

    public sealed record FileLawsuit(string AppealId, DateOnly On, string Court, bool AfterReconsideration) : CaseCommand;

    public sealed record ConcludeLawsuit(string AppealId, DateOnly On, AppealResult Result) : CaseCommand;

    public sealed record CorrectDate(int Milestone, DateOnly RightDate, string Reason, DateOnly On) : CaseCommand;

    public sealed record CorrectOutcome(Outcome Outcome, GroundList WithheldGrounds, string Reason, DateOnly On, string? RepeatOf = null) : CaseCommand;

    /// <summary>Names the case's 承办人 (checked against the users by the host; the domain checks the case).</summary>
    public sealed record Assign(string Assignee, DateOnly On) : CaseCommand;

    public sealed record CorrectApplicantType(ApplicantType ApplicantType, string Reason, DateOnly On) : CaseCommand;

    public sealed record IssueLetter(
        string LetterId, LetterKind Kind, string Subject, string Number, int Year, int Sequence, int TemplateVersion, string ContentHash, DateOnly On)
        : CaseCommand;

    public sealed record RecordDelivery(string LetterId, DeliveryMethod Method, string Detail, DateTimeOffset? At, DateOnly On) : CaseCommand;
    /// <summary>Adds an uploaded document (stored by its hash beforehand) to the case file.</summary>
    public sealed record AttachDocument(
        Guid DocumentId, DocumentKind Kind, string FileName, string ContentType, string Sha256, long Size, string UploadedBy, DateOnly On) : CaseCommand;

    /// <summary>Erases the applicant's personal data (个人信息保护法第四十七条); <paramref name="By"/> is the administrator or the retention rule.</summary>
    public sealed record ErasePersonalData(string Reason, string By, DateOnly On) : CaseCommand;
}

namespace CaseTracker.Domain.Clock;

public enum CaseStatus
{
    /// <summary>Not received as of the date asked about.</summary>
    NotReceived,

    /// <summary>办理中.</summary>
    Running,

    /// <summary>暂停计时: waiting for a supplement, a consultation or a fee payment.</summary>
    Paused,

    /// <summary>已办结.</summary>
    Closed,
}

public enum PauseReason
{
    Supplement,
    ThirdPartyConsultation,
    OtherAgencyConsultation,
    FeeNotice,
}

public sealed record ConsultationDue(string Id, string Party, DateOnly ReplyDue, bool Provisional);

/// <summary>What the statutory clock says of a case on a date.</summary>
public sealed record ClockReading
{
    public required DateOnly AsOf { get; init; }

    public required CaseStatus Status { get; init; }

    public IReadOnlyList<PauseReason> PausedFor { get; init; } = [];

    /// <summary>The day the running period counts from: receipt, or the supplement's receipt.</summary>
    public DateOnly? PeriodStart { get; init; }

    /// <summary>答复期限; none while the clock is paused.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>Working days after the as-of date up to the deadline; negative once it has passed.</summary>
    public int? WorkingDaysLeft { get; init; }

    public bool Overdue { get; init; }

    /// <summary>The calendar had no data for a day the deadline depends on (期限暂定).</summary>
    public bool Provisional { get; init; }

    public int PausedWorkingDays { get; init; }

    public DateOnly? SupplementNoticeDue { get; init; }

    /// <summary>The supplement notice went out later than 7 working days after receipt: allowed, but flagged.</summary>
    public bool SupplementNoticeLate { get; init; }

    public IReadOnlyList<ConsultationDue> ConsultationsDue { get; init; } = [];

    public DateOnly? FeePaymentDue { get; init; }

    /// <summary>
    /// For a closed case: whether it was closed after its deadline. A pause still open at closing ends on the closing
    /// date; a milestone recorded after the deadline had passed moves nothing, so a case overdue stays late.
    /// </summary>
    public bool ClosedLate { get; init; }

    /// <summary>
    /// The numbers of the milestones dated after the deadline had passed (a consultation, a supplement notice or its
    /// receipt, a fee notice, an extension or an Art 35 date): recorded, flagged late, and moving nothing (domain.md §2).
    /// </summary>
    public IReadOnlyList<int> LateMilestones { get; init; } = [];

    /// <summary>
    /// 行政复议 within 60 days of learning of the decision: from the 答复书's delivery when recorded, else the decision
    /// date. None for a withdrawn case.
    /// </summary>
    public DateOnly? ReconsiderationWindowEnds { get; init; }

    /// <summary>行政诉讼 within 6 months of the decision, or within 15 days after a reconsideration decision. None for a withdrawn case.</summary>
    public DateOnly? LawsuitWindowEnds { get; init; }

    public string StatusLabel => Status switch
    {
        CaseStatus.Running => "办理中",
        CaseStatus.Paused => "暂停计时",
        CaseStatus.Closed => "已办结",
        _ => "未收到",
    };
}

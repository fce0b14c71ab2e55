namespace CaseTracker.Domain.Cases;

/// <summary>The kinds of command a caseworker may record on a case already received (one form each).</summary>
public enum MilestoneKind
{
    RequestSupplement,
    RecordSupplement,
    LapseSupplement,
    StartConsultation,
    RecordConsultationAnswer,
    LapseConsultation,
    Extend,
    IssueFeeNotice,
    RecordFeePayment,
    LapseFee,
    RequestReasons,
    SetDelayedAnswerDate,
    Answer,
    Withdraw,
    FileReconsideration,
    ConcludeReconsideration,
    FileLawsuit,
    ConcludeLawsuit,
    CorrectDate,
    CorrectOutcome,
    CorrectApplicantType,
    WaiveFee,
    DecidePublicInterestDisclosure,
}

namespace CaseTracker.Contracts;

// Published by CaseTracker. MessageId is the id of the domain event the message was mapped from: a redelivered or
// republished message carries the same id, so a consumer can recognise what it has already handled.

/// <summary>A disclosure request was closed: answered (答复), withdrawn, or closed by a lapse.</summary>
/// <param name="OutcomeCode">The row of format 2021 (国办公开办函〔2021〕30号), e.g. <c>refused.state_secret</c>.</param>
/// <param name="ClosureKind">One of <see cref="ClosureKinds"/>.</param>
public sealed record CaseDecidedV1(
    Guid MessageId,
    Guid CaseId,
    string Agency,
    string CaseNumber,
    DateOnly ReceivedOn,
    DateOnly DecidedOn,
    string OutcomeCode,
    string ClosureKind);

/// <summary>The receipt date, closure date or outcome of a closed case was corrected; the values as they now stand.</summary>
public sealed record CaseCorrectedV1(
    Guid MessageId,
    Guid CaseId,
    DateOnly ReceivedOn,
    DateOnly DecidedOn,
    string OutcomeCode,
    string ClosureKind,
    string Reason);

public static class ClosureKinds
{
    public const string Decided = "decided";
    public const string Withdrawn = "withdrawn";
    public const string SupplementLapsed = "supplement_lapsed";
    public const string FeeLapsed = "fee_lapsed";
}

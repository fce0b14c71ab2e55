using CaseTracker.Domain.Outcomes;

namespace CaseTracker.Domain.Cases;

/// <summary>One milestone of the effective history: its number in the stream and the event as corrected.</summary>
public sealed record Milestone(int Number, CaseEvent Event);

public sealed record Supplement(DateOnly RequestedOn, string Items, DateOnly? RespondBy, DateOnly? ReceivedOn, DateOnly? LapsedOn)
{
    /// <summary>The day the applicant received the 补正告知书 (its delivery), when recorded.</summary>
    public DateOnly? DeliveredOn { get; init; }

    public bool IsPending => ReceivedOn is null && LapsedOn is null;
}

public sealed record Consultation(string Id, ConsultationKind Kind, string Party, DateOnly StartedOn, DateOnly? EndedOn, bool Answered)
{
    /// <summary>The day the party received the letter (its 15 working days run from then); the start date when not recorded.</summary>
    public DateOnly PartyReceivedOn { get; init; } = StartedOn;

    public bool IsOpen => EndedOn is null;
}

public sealed record Extension(DateOnly On, string Approver, string Reason, DateOnly ApplicantToldOn);

public sealed record FeeNotice(DateOnly IssuedOn, decimal Amount, FeeMethod Method, DateOnly ApplicantReceivedOn, DateOnly? PaidOn, DateOnly? LapsedOn)
{
    public bool IsPending => PaidOn is null && LapsedOn is null;
}

public sealed record Closure(DateOnly On, Outcome Outcome, GroundList WithheldGrounds, int Milestone);

public enum AppealKind
{
    Reconsideration,
    Lawsuit,
}

public sealed record Appeal(
    string Id,
    AppealKind Kind,
    DateOnly FiledOn,
    string Forum,
    bool AfterReconsideration,
    DateOnly? ConcludedOn,
    AppealResult? Result);

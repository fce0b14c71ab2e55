using System.Collections.Immutable;
using CaseTracker.Domain.Outcomes;

namespace CaseTracker.Domain.Cases;

/// <summary>
/// A case as its effective history says: every milestone with the corrections applied. Everything else is
/// derived from that history, so whatever a correction touches, all that depends on it follows.
/// </summary>
public sealed record CaseState
{
    public static CaseState Initial { get; } = new();

    /// <summary>How many events of the stream have been applied (corrections included).</summary>
    public int Version { get; init; }

    public ImmutableList<Milestone> History { get; init; } = [];

    public CaseEvent.Received? Receipt { get; init; }

    public Supplement? Supplement { get; init; }

    public ImmutableList<Consultation> Consultations { get; init; } = [];

    public Extension? Extension { get; init; }

    /// <summary>条例第三十二条: the decisions to disclose against a third party's objection, one per consultation.</summary>
    public ImmutableList<PublicInterestDisclosure> PublicInterestDisclosures { get; init; } = [];

    public FeeNotice? Fee { get; init; }

    public DateOnly? ReasonsRequestedOn { get; init; }

    /// <summary>条例第三十五条: the answer date the agency set; it is the deadline.</summary>
    public DateOnly? AnswerBy { get; init; }

    /// <summary>条例第三十五条: the day the applicant was told of the delayed answer date.</summary>
    public DateOnly? AnswerByToldOn { get; init; }

    public Closure? Closure { get; init; }

    public ImmutableList<Appeal> Appeals { get; init; } = [];

    /// <summary>The letters issued on the case (文书), each with its delivery once recorded.</summary>
    public ImmutableList<IssuedLetter> Letters { get; init; } = [];

    /// <summary>The day the applicant received the answer (its letter's delivery): remedy windows count from it.</summary>
    public DateOnly? AnswerDeliveredOn =>
        Letters.FirstOrDefault(l => l.Kind == LetterKind.Answer && l.Delivery is not null)?.Delivery!.On;

    public int CorrectionCount { get; init; }

    /// <summary>承办人: the user name of the caseworker the case is assigned to; none yet.</summary>
    public string? Assignee { get; init; }

    /// <summary>删除个人信息: when, why and by whom the applicant's personal data was erased; null while it is kept.</summary>
    public CaseEvent.PersonalDataErased? Erasure { get; init; }

    public bool Exists => Receipt is not null;

    public bool IsClosed => Closure is not null;

    public RuleSet Rules => RuleSets.For(Receipt?.On ?? RuleSets.Rules2019InForce);

    /// <summary>The same case as it stood on a date: only milestones whose business date is on or before it.</summary>
    public CaseState AsOf(DateOnly date)
    {
        // Most cases have nothing after the date (the export asks this of every case): no new list then.
        if (History.TrueForAll(m => m.Event.On <= date))
        {
            return this;
        }

        var history = History.Where(m => m.Event.On <= date).ToImmutableList();
        return CaseProjection.Derive(history) with { Version = Version, CorrectionCount = CorrectionCount };
    }

    public bool SameFactsAs(CaseState other) =>
        History.Select(m => m.Event).SequenceEqual(other.History.Select(m => m.Event));

    internal CaseState WithClosure(DateOnly on, Outcome outcome, GroundList grounds, int milestone) =>
        this with { Closure = new Closure(on, outcome, grounds, milestone) };
}

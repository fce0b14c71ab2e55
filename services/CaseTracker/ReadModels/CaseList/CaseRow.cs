using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using CaseTracker.EventStore;

namespace CaseTracker.ReadModels.CaseList;

/// <summary>
/// One case as of its last event. The clock fields (deadline, paused, provisional) are what the statutory clock
/// says with the milestones the case has; they do not change with the passing of days, so "overdue" is left to a
/// query with today's date.
/// </summary>
public sealed record CaseRow(
    Guid CaseId,
    string StreamId,
    string Agency,
    string CaseNumber,
    ApplicantType ApplicantType,
    Channel Channel,
    DateOnly ReceivedOn,
    RuleSet RuleSet,
    CaseStatus Status,
    string PausedFor,
    DateOnly? Deadline,
    bool DeadlineProvisional,
    bool Extended,
    DateOnly? ClosedOn,
    Outcome? Outcome,
    string? OutcomeRow2021,
    string? OutcomeRow2019,
    bool? ClosedLate,
    int Reconsiderations,
    int ReconsiderationsOpen,
    int Lawsuits,
    int LawsuitsOpen,
    int AppealsCorrected,
    int Corrections,
    long LastVersion,
    DateTimeOffset UpdatedAt,
    bool SupplementRequested)
{
    /// <summary>The row for a folded case, or null before it is received.</summary>
    public static CaseRow? From(CaseState state, EventEnvelope last, CasePolicy policy)
    {
        if (state.Receipt is not { } receipt)
        {
            return null;
        }

        var clock = StatutoryClock.Deadline(state, policy.Calendar, policy.Settings);
        var closure = state.Closure;
        var info = closure?.Outcome.Info();
        var reconsiderations = state.Appeals.Where(a => a.Kind == AppealKind.Reconsideration).ToList();
        var lawsuits = state.Appeals.Where(a => a.Kind == AppealKind.Lawsuit).ToList();
        return new CaseRow(
            receipt.CaseId,
            last.StreamId,
            receipt.Agency,
            receipt.CaseNumber,
            receipt.ApplicantType,
            receipt.Channel,
            receipt.On,
            state.Rules,
            closure is not null ? CaseStatus.Closed : clock.PausedFor.Count > 0 ? CaseStatus.Paused : CaseStatus.Running,
            closure is not null ? "" : string.Join(",", clock.PausedFor),
            clock.Deadline,
            clock.Provisional,
            state.Extension is not null,
            closure?.On,
            closure?.Outcome,
            info?.Row2021,
            info?.Row2019,
            closure is not null && clock.Deadline is { } due ? closure.On > due : null,
            reconsiderations.Count,
            reconsiderations.Count(a => a.ConcludedOn is null),
            lawsuits.Count,
            lawsuits.Count(a => a.ConcludedOn is null),
            state.Appeals.Count(a => a.Result == AppealResult.Corrected),
            state.CorrectionCount,
            last.StreamVersion,
            last.RecordedAt,
            state.Supplement is not null);
    }

    public (string Name, object? Value)[] Parameters() =>
    [
        ("case_id", CaseId), ("stream_id", StreamId), ("agency", Agency), ("case_number", CaseNumber),
        ("applicant_type", ApplicantType.ToString()), ("channel", Channel.ToString()), ("received_on", ReceivedOn),
        ("rule_set", RuleSet.ToString()), ("status", Status.ToString()), ("paused_for", PausedFor), ("deadline", Deadline),
        ("deadline_provisional", DeadlineProvisional), ("extended", Extended), ("closed_on", ClosedOn),
        ("outcome", Outcome?.ToString()), ("outcome_row_2021", OutcomeRow2021), ("outcome_row_2019", OutcomeRow2019),
        ("closed_late", ClosedLate), ("reconsiderations", Reconsiderations), ("reconsiderations_open", ReconsiderationsOpen),
        ("lawsuits", Lawsuits), ("lawsuits_open", LawsuitsOpen), ("appeals_corrected", AppealsCorrected),
        ("corrections", Corrections), ("last_version", LastVersion), ("updated_at", UpdatedAt),
        ("supplement_requested", SupplementRequested),
    ];

    public static CaseRow Read(Columns c) => new(
        c.Guid("case_id"), c.String("stream_id"), c.String("agency"), c.String("case_number"),
        c.Enum<ApplicantType>("applicant_type"), c.Enum<Channel>("channel"), c.Date("received_on"),
        c.Enum<RuleSet>("rule_set"), c.Enum<CaseStatus>("status"), c.String("paused_for"), c.NullableDate("deadline"),
        c.Bool("deadline_provisional"), c.Bool("extended"), c.NullableDate("closed_on"), c.NullableEnum<Outcome>("outcome"),
        c.NullableString("outcome_row_2021"), c.NullableString("outcome_row_2019"), c.NullableBool("closed_late"),
        c.Int("reconsiderations"), c.Int("reconsiderations_open"), c.Int("lawsuits"), c.Int("lawsuits_open"),
        c.Int("appeals_corrected"), c.Int("corrections"), c.Long("last_version"), c.Time("updated_at"), c.Bool("supplement_requested"));
}

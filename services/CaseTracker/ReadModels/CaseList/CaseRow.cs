using System.Data.Common;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Sql;

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

    public static CaseRow Read(DbDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3),
        Enum.Parse<ApplicantType>(r.GetString(4)), Enum.Parse<Channel>(r.GetString(5)), r.GetFieldValue<DateOnly>(6),
        Enum.Parse<RuleSet>(r.GetString(7)), Enum.Parse<CaseStatus>(r.GetString(8)), r.GetString(9), r.Nullable<DateOnly>(10),
        r.GetBoolean(11), r.GetBoolean(12), r.Nullable<DateOnly>(13),
        r.IsDBNull(14) ? null : Enum.Parse<Outcome>(r.GetString(14)),
        r.IsDBNull(15) ? null : r.GetString(15), r.IsDBNull(16) ? null : r.GetString(16), r.IsDBNull(17) ? null : r.GetBoolean(17),
        r.GetInt32(18), r.GetInt32(19), r.GetInt32(20), r.GetInt32(21), r.GetInt32(22), r.GetInt32(23), r.GetInt64(24),
        r.GetFieldValue<DateTimeOffset>(25), r.GetBoolean(26));
}

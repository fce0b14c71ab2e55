using CaseTracker.Cases.Forms;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Pipeline;
using CaseTracker.Web.Auth;

namespace CaseTracker.Cases;

/// <summary>A row of the case list (read model): no personal data.</summary>
public sealed record CaseSummary(Guid CaseId, long Version, string CaseNumber, string Agency, DateOnly ReceivedOn, string Status, DateOnly? Deadline,
    bool DeadlineProvisional, DateOnly? ClosedOn, string? Outcome)
{
    /// <summary>承办人 (user name); null: not assigned yet.</summary>
    public string? Assignee { get; init; }

    /// <summary>Working days to the deadline for an open case (negative: overdue by that many); null when closed or none.</summary>
    public int? WorkingDaysLeft { get; init; }

    public bool Overdue { get; init; }
}

/// <summary>One page of <c>GET /api/cases</c>: <see cref="Total"/> cases match; <see cref="NextCursor"/> continues after the last item.</summary>
public sealed record CaseList(IReadOnlyList<CaseSummary> Items, long Total, int Page, int Size, string? NextCursor);

public sealed record ApplicantDto(string Name, string? IdNumber, string? Phone, string? Address);

/// <param name="Number">The milestone's number, the one <c>correct-date</c> takes (0 = the receipt; the page's timeline shows it).</param>
/// <param name="Late">Recorded after the deadline had passed: kept, moving nothing (期限届满后登记，不影响期限).</param>
public sealed record MilestoneDto(
    long Version, string Type, string Title, string Detail, DateOnly BusinessDate, DateTimeOffset RecordedAt, string Actor, long Number, bool Late);

public sealed record ClockDto(string Status, string StatusLabel, DateOnly? Deadline, int? WorkingDaysLeft, bool Overdue, bool Provisional,
    IReadOnlyList<string> PausedFor, DateOnly? SupplementNoticeDue, DateOnly? FeePaymentDue, DateOnly? ReconsiderationWindowEnds, DateOnly? LawsuitWindowEnds);

/// <summary>A case over the API. The applicant is present only for those who work the case's agency.</summary>
public sealed record CaseDto(
    Guid CaseId,
    long Version,
    string CaseNumber,
    string Agency,
    DateOnly ReceivedOn,
    Channel Channel,
    ApplicantType ApplicantType,
    ApplicantDto? Applicant,
    string Description,
    string RequestedForm,
    ClockDto Clock,
    DateOnly? ClosedOn,
    Outcome? Outcome,
    string? OutcomeLabel,
    IReadOnlyList<MilestoneDto> Milestones)
{
    public static CaseDto From(CaseFile file, WebUser user, Access access, CasePolicy policy, DateOnly today)
    {
        var r = file.State.Receipt!;
        var c = StatutoryClock.Read(file.State, today, policy.Calendar, policy.Settings);
        var applicant = access.SeesPersonalData(user.Role, r.Agency) && r.Applicant is { } p ? new ApplicantDto(p.Name, p.IdNumber, p.Phone, p.Address) : null;
        return new CaseDto(file.CaseId, file.Version, r.CaseNumber, r.Agency, r.On, r.Channel, r.ApplicantType, applicant, r.Description, r.RequestedForm,
            new ClockDto(c.Status.ToString(), c.StatusLabel, c.Deadline, c.WorkingDaysLeft, c.Overdue, c.Provisional,
                c.PausedFor.Select(x => x.ToString()).ToList(),
                c.Status == CaseStatus.Closed ? null : c.SupplementNoticeDue, c.FeePaymentDue, c.ReconsiderationWindowEnds, c.LawsuitWindowEnds),
            file.State.Closure?.On, file.State.Closure?.Outcome, file.State.Closure?.Outcome.Label(),
            file.Events.Select(e => new MilestoneDto(
                    e.StreamVersion, e.TypeName, EventText.Title(e.Event), EventText.Detail(e.Event), e.BusinessDate, e.RecordedAt, e.Actor,
                    CaseFile.MilestoneNumber(e), c.LateMilestones.Contains((int)CaseFile.MilestoneNumber(e))))
                .ToList());
    }
}

using System.Collections.Immutable;
using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Clock;
using static CaseTracker.Domain.Cases.CaseCommand;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Domain.Cases;

/// <summary>The calendar and settings a decision needs (the extension rule depends on the deadline).</summary>
/// <param name="Today">
/// Today in the agency's time zone (Asia/Shanghai), filled by the host from its clock: no business date may be later
/// (domain.md §2). The domain reads no clock; none = no check (tests, replays).
/// </param>
public sealed record CasePolicy(WorkingCalendar Calendar, ClockSettings Settings, DateOnly? Today = null)
{
    public static CasePolicy Default { get; } = new(WorkingCalendar.BuiltIn, ClockSettings.Default);
}

public static partial class CaseDecider
{
    /// <summary>
    /// The events a command produces on a case, or a <see cref="DomainException"/> naming the rule it breaks.
    /// A repeated identical command produces nothing.
    /// </summary>
    public static IReadOnlyList<CaseEvent> Decide(CaseCommand command, CaseState state, CasePolicy policy)
    {
        if (Text.TextRules.Find(command) is { } control)
        {
            throw new DomainException(Text.TextRules.Rule, Text.TextRules.Reason(control.Field, control.Character));
        }

        var @event = ToEvent(command, state);
        if (@event is null || state.History.Any(m => m.Event == @event))
        {
            return [];
        }

        if (@event is Assigned assigned)
        {
            CheckAssignment(assigned, state, policy);
            return [@event];
        }

        if (@event is PersonalDataErased erased)
        {
            CheckErasure(erased, state, policy);
            return [@event];
        }

        if (@event is DateCorrected or OutcomeCorrected or ApplicantTypeCorrected)
        {
            CaseRules.CheckCorrection(@event, state, policy);
            var corrected = Evolve(state, @event);
            CaseRules.CheckHistory(corrected.History, policy);
            return [@event];
        }

        CaseRules.Check(@event, state, policy);
        return [@event];
    }

    public static CaseState Evolve(CaseState state, CaseEvent @event)
    {
        if (@event is Assigned assigned)
        {
            return state with { Version = state.Version + 1, Assignee = assigned.Assignee };
        }

        if (@event is PersonalDataErased erased)
        {
            return Erase(state, erased);
        }

        var history = @event switch
        {
            DateCorrected c => Replace(state.History, c.Milestone, e => e.WithDate(c.CorrectDate)),
            OutcomeCorrected c => Replace(state.History, state.Closure!.Milestone,
                e => ((Decided)e) with { Outcome = c.Outcome, WithheldGrounds = c.WithheldGrounds, RepeatOf = c.RepeatOf }),
            ApplicantTypeCorrected c => Replace(state.History, 0, e => ((Received)e) with { ApplicantType = c.ApplicantType }),
            _ => null,
        };
        if (history is null)
        {
            // A new milestone at the end: the facts so far plus this one (a fold of the whole history again would give
            // the same state, at a cost growing with the case: a replay folds every case event by event).
            var milestone = new Milestone(state.Version, @event);
            return CaseProjection.Next(state with { History = state.History.Add(milestone), Version = state.Version + 1 }, milestone);
        }

        var corrections = state.CorrectionCount + 1;
        return CaseProjection.Derive(history) with { Version = state.Version + 1, CorrectionCount = corrections, Assignee = state.Assignee, Erasure = state.Erasure };
    }

    public static CaseState Fold(IEnumerable<CaseEvent> events) => events.Aggregate(CaseState.Initial, Evolve);

    /// <summary>Decides commands one after another on a case, each on the state the previous ones left; all or a refusal.</summary>
    public static (IReadOnlyList<CaseEvent> Events, CaseState State) DecideAll(IEnumerable<CaseCommand> commands, CaseState state, CasePolicy policy)
    {
        var events = new List<CaseEvent>();
        foreach (var command in commands)
        {
            foreach (var e in Decide(command, state, policy))
            {
                state = Evolve(state, e);
                events.Add(e);
            }
        }

        return (events, state);
    }

    private static string? Link(string? caseNumber) => string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim();

    private static ImmutableList<Milestone> Replace(ImmutableList<Milestone> history, int number, Func<CaseEvent, CaseEvent> change)
    {
        var index = history.FindIndex(m => m.Number == number);
        return history.SetItem(index, history[index] with { Event = change(history[index].Event) });
    }

    private static CaseEvent? ToEvent(CaseCommand command, CaseState state) => command switch
    {
        Receive c => new Received(
            c.CaseId, c.Agency.Trim(), c.CaseNumber.Trim(), c.On, c.Channel, c.ApplicantType, c.Applicant, c.Description, c.RequestedForm),
        RequestSupplement c => new SupplementRequested(c.On, c.Items.Trim(), c.RespondBy),
        RecordSupplement c => new SupplementReceived(c.On),
        LapseSupplement c => new SupplementLapsed(c.On),
        StartConsultation c => new ConsultationStarted(c.ConsultationId, c.Kind, c.Party.Trim(), c.On, c.PartyReceivedOn ?? c.On),
        RecordConsultationAnswer c => new ConsultationAnswered(c.ConsultationId, c.On, c.PartyAnswer,
            c.PartyAnswer == ThirdPartyAnswer.Objects ? c.Reasons?.Trim() : null),
        DecidePublicInterestDisclosure c => new PublicInterestDisclosureDecided(c.ConsultationId, c.On, c.Reasons.Trim(), c.ThirdPartyNotifiedOn),
        LapseConsultation c => new ConsultationLapsed(c.ConsultationId, c.On),
        Extend c => new Extended(c.On, c.Approver.Trim(), c.Reason.Trim(), c.ApplicantToldOn),
        IssueFeeNotice c => new FeeNoticeIssued(c.On, c.Amount, c.Method, c.ApplicantReceivedOn, c.Quantity),
        RecordFeePayment c => new FeePaid(c.On, c.Amount),
        WaiveFee c => new FeeWaived(c.On, c.Reason.Trim()),
        LapseFee c => new FeeLapsed(c.On),
        RequestReasons c => new ReasonsRequested(c.On),
        SetDelayedAnswerDate c => new DelayedAnswerDateSet(c.On, c.AnswerBy, c.ApplicantToldOn ?? c.On),
        Answer c => new Decided(c.On, c.Outcome, c.WithheldGrounds, c.Note.Trim(), c.GroundsNotRecorded, Link(c.RepeatOf)),
        Withdraw c => new Withdrawn(c.On),
        IssueLetter c => new LetterIssued(c.LetterId, c.Kind, c.Subject.Trim(), c.Number.Trim(), c.Year, c.Sequence, c.TemplateVersion, c.ContentHash, c.On),
        RecordDelivery c => new LetterDelivered(c.LetterId, c.Method, c.Detail.Trim(), c.At, c.On),
        FileReconsideration c => new ReconsiderationFiled(c.AppealId, c.On, c.Body.Trim()),
        ConcludeReconsideration c => new ReconsiderationConcluded(c.AppealId, c.On, c.Result),
        FileLawsuit c => new LawsuitFiled(c.AppealId, c.On, c.Court.Trim(), c.AfterReconsideration),
        ConcludeLawsuit c => new LawsuitConcluded(c.AppealId, c.On, c.Result),
        CorrectDate c => state.History.FirstOrDefault(m => m.Number == c.Milestone) is { } m && m.Event.On == c.RightDate
            ? null
            : new DateCorrected(c.Milestone, c.RightDate, c.Reason.Trim(), c.On),
        CorrectOutcome c => state.Closure is { } closure && closure.Outcome == c.Outcome && closure.WithheldGrounds == c.WithheldGrounds
            && state.History.First(m => m.Number == closure.Milestone).Event is Decided { } d && d.RepeatOf == Link(c.RepeatOf)
            ? null
            : new OutcomeCorrected(c.Outcome, c.WithheldGrounds, c.Reason.Trim(), c.On, Link(c.RepeatOf)),
        Assign c => state.Assignee == c.Assignee.Trim() ? null : new Assigned(c.Assignee.Trim(), c.On),
        AttachDocument c => new DocumentAttached(c.DocumentId, c.Kind, c.FileName.Trim(), c.ContentType, c.Sha256, c.Size, c.UploadedBy, c.On),
        CorrectApplicantType c => state.Receipt?.ApplicantType == c.ApplicantType
            ? null
            : new ApplicantTypeCorrected(c.ApplicantType, c.Reason.Trim(), c.On),
        ErasePersonalData c => state.Erasure is not null ? null : new PersonalDataErased(state.Receipt?.Applicant?.SubjectId, c.Reason.Trim(), c.By.Trim(), c.On),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name),
    };
}

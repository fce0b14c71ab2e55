using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Domain.Clock;

/// <summary>The deadline of a case as its milestones make it, and what was recorded after the period had run out.</summary>
/// <param name="Deadline">答复期限; none while an effective pause is open.</param>
/// <param name="LateMilestones">Pauses, restarts, extensions and Art 35 dates dated after the deadline had passed: recorded, moving nothing.</param>
public sealed record ClockTerm(
    DateOnly? Deadline,
    bool Provisional,
    int PausedDays,
    IReadOnlyList<PauseReason> PausedFor,
    DateOnly? PeriodStart,
    IReadOnlyList<int> LateMilestones);

/// <summary>
/// The response deadline of a case under the law that governs it. Composition: period start (receipt, or the
/// supplement's receipt) → + 20 working days (2008: 15) → + the extension → + the paused working days.
/// A missed deadline stays missed (domain.md §2): the milestones are walked in business-date order, and a pause, a
/// restart, an extension or an Art 35 date acts only if the period is still running on its date.
/// </summary>
public static class StatutoryClock
{
    public static ClockReading Read(CaseState state, DateOnly asOf, WorkingCalendar calendar, ClockSettings settings)
    {
        var s = state.AsOf(asOf);
        if (s.Receipt is not { } receipt)
        {
            return new ClockReading { AsOf = asOf, Status = CaseStatus.NotReceived };
        }

        var noticeDue = SupplementNoticeDue(receipt.On, calendar, settings);
        var term = Term(s, calendar, settings);
        var reading = new ClockReading
        {
            AsOf = asOf,
            Status = s.IsClosed ? CaseStatus.Closed : term.PausedFor.Count > 0 ? CaseStatus.Paused : CaseStatus.Running,
            PausedFor = s.IsClosed ? [] : term.PausedFor,
            PeriodStart = term.PeriodStart,
            Deadline = term.Deadline,
            Provisional = term.Provisional,
            PausedWorkingDays = term.PausedDays,
            SupplementNoticeDue = noticeDue.Date,
            SupplementNoticeLate = s.Supplement is { } sup && sup.RequestedOn > noticeDue.Date,
            LateMilestones = term.LateMilestones,
        };

        if (s.Closure is { } closure)
        {
            return reading with
            {
                ClosedLate = term.Deadline is { } due && closure.On > due,
                ReconsiderationWindowEnds = RemedyWindows(s).Reconsideration,
                LawsuitWindowEnds = RemedyWindows(s).Lawsuit,
            };
        }

        return reading with
        {
            WorkingDaysLeft = term.Deadline is { } d ? DaysLeft(asOf, d, calendar) : null,
            Overdue = term.Deadline is { } deadline && asOf > deadline,
            ConsultationsDue = s.Consultations.Where(c => c.IsOpen).Select(c =>
            {
                var due = ConsultationReplyDue(c, calendar, settings);
                return new ConsultationDue(c.Id, c.Party, due.Date, due.Provisional);
            }).ToList(),
            FeePaymentDue = s.Fee is { IsPending: true } fee ? FeePaymentDue(fee, calendar).Date : null,
        };
    }

    /// <summary>The deadline the case has with the milestones it has; a closure ends the pauses still open on its date.</summary>
    public static (DateOnly? Deadline, bool Provisional, int PausedDays, IReadOnlyList<PauseReason> PausedFor) Deadline(
        CaseState s, WorkingCalendar calendar, ClockSettings settings)
    {
        var term = Term(s, calendar, settings);
        return (term.Deadline, term.Provisional, term.PausedDays, term.PausedFor);
    }

    public static ClockTerm Term(CaseState s, WorkingCalendar calendar, ClockSettings settings)
    {
        if (s.Receipt is not { } receipt)
        {
            return new ClockTerm(null, false, 0, [], null, []);
        }

        return Walked(s, receipt, calendar, settings).Result(s.Closure?.On);
    }

    /// <summary>
    /// Whether the response period had run out before <paramref name="on"/>, with what the case records up to that day:
    /// the deadline has passed and no pause that began inside the period is still open.
    /// </summary>
    public static bool HasRunOut(CaseState s, DateOnly on, WorkingCalendar calendar, ClockSettings settings, out DateOnly? deadline)
    {
        deadline = null;
        var upTo = s.AsOf(on);
        if (upTo.Receipt is not { } receipt)
        {
            return false;
        }

        var walk = Walked(upTo, receipt, calendar, settings);
        deadline = walk.CurrentDeadline();
        return !walk.Running(on);
    }

    /// <summary>The case's milestones applied in business-date order (then in the order they were recorded).</summary>
    private static Walk Walked(CaseState s, Received receipt, WorkingCalendar calendar, ClockSettings settings)
    {
        var walk = new Walk(s.Rules, receipt.On, calendar, settings);
        foreach (var milestone in s.History.OrderBy(m => m.Event.On).ThenBy(m => m.Number))
        {
            walk.Apply(milestone);
        }

        return walk;
    }

    /// <summary>条例第三十条: the last day a supplement notice may go out, 7 working days after receipt.</summary>
    public static CalendarDate SupplementNoticeDue(DateOnly receivedOn, WorkingCalendar calendar, ClockSettings settings) =>
        calendar.AddWorkingDays(DayZero(receivedOn, settings), ClockSettings.SupplementNoticeDays);

    /// <summary>
    /// 条例第三十条: the supplement period the notice gave; an old notice without one has the operator's default. The
    /// applicant has the period from receiving the notice: when its delivery is recorded later than the notice date, the
    /// period's working days count from the delivery date instead.
    /// </summary>
    public static DateOnly SupplementRespondBy(Supplement supplement, WorkingCalendar calendar, ClockSettings settings)
    {
        var given = supplement.RespondBy ?? calendar.AddWorkingDays(supplement.RequestedOn, settings.SupplementDefaultDays).Date;
        if (supplement.DeliveredOn is not { } delivered || delivered <= supplement.RequestedOn)
        {
            return given;
        }

        var days = given > supplement.RequestedOn ? calendar.CountWorkingDays(supplement.RequestedOn, given).Days : 0;
        return calendar.AddWorkingDays(delivered, days).Date;
    }

    /// <summary>条例第三十二条、第三十四条: the party has 15 working days from the day it received the letter.</summary>
    public static CalendarDate ConsultationReplyDue(Consultation c, WorkingCalendar calendar, ClockSettings settings) =>
        calendar.AddWorkingDays(DayZero(c.PartyReceivedOn, settings), ClockSettings.ConsultationReplyDays);

    /// <summary>国办函〔2020〕109号: counted from the day after the applicant received the notice, whatever the day-1 setting.</summary>
    public static CalendarDate FeePaymentDue(FeeNotice fee, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(fee.ApplicantReceivedOn, ClockSettings.FeePaymentDays);

    /// <summary>
    /// 行政复议 within 60 days of learning of the decision; 行政诉讼 within 6 months, or within 15 days of the
    /// reconsideration decision (行政诉讼法第四十五条、第四十六条). Both count from the day the applicant received the
    /// 答复书 (its recorded delivery), else from the decision date; a reconsideration counts from its conclusion date.
    /// A withdrawn case has none.
    /// </summary>
    public static (DateOnly? Reconsideration, DateOnly? Lawsuit) RemedyWindows(CaseState s)
    {
        if (s.Closure is not { } closure || closure.Outcome == Outcomes.Outcome.Withdrawn)
        {
            return (null, null);
        }

        var reconsidered = s.Appeals.Where(a => a.Kind == AppealKind.Reconsideration && a.ConcludedOn is not null)
            .Select(a => a.ConcludedOn!.Value).DefaultIfEmpty().Max();
        var learned = s.AnswerDeliveredOn is { } delivered && delivered > closure.On ? delivered : closure.On;
        return (learned.AddDays(60), reconsidered == default ? learned.AddMonths(6) : reconsidered.AddDays(15));
    }

    /// <summary>The day before day 1 of a period that starts on <paramref name="start"/>.</summary>
    private static DateOnly DayZero(DateOnly start, ClockSettings settings) =>
        settings.DayOneIsNextWorkingDay ? start : start.AddDays(-1);

    private static int DaysLeft(DateOnly asOf, DateOnly deadline, WorkingCalendar calendar) =>
        asOf <= deadline ? calendar.CountWorkingDays(asOf, deadline).Days : -calendar.CountWorkingDays(deadline, asOf).Days;

    private sealed class Pause(string key, PauseReason reason, DateOnly start)
    {
        public string Key { get; } = key;

        public PauseReason Reason { get; } = reason;

        public DateOnly Start { get; } = start;

        public DateOnly? End { get; set; }
    }

    /// <summary>The milestones in business-date order, each acting only if the period is still running on its date.</summary>
    private sealed class Walk(RuleSet rules, DateOnly receivedOn, WorkingCalendar calendar, ClockSettings settings)
    {
        private const string SupplementKey = "supplement";
        private const string FeeKey = "fee";
        private readonly List<Pause> _pauses = [];
        private readonly List<int> _late = [];
        private DateOnly _periodStart = receivedOn;
        private bool _extended;
        private DateOnly? _answerBy;

        public void Apply(Milestone m)
        {
            switch (m.Event)
            {
                case SupplementRequested n:
                    // The supplement suspends the period until it arrives (then it restarts) or lapses.
                    Open(m, SupplementKey, PauseReason.Supplement, n.On, acts: true);
                    break;
                case SupplementReceived r when Find(SupplementKey) is { End: null } pending:
                    // A notice that went out while the period ran stopped it; the supplement starts it again from zero
                    // (条例第三十条), and an Art 35 date set in the old period no longer governs.
                    pending.End = r.On;
                    _periodStart = r.On;
                    _answerBy = null;
                    break;
                case SupplementLapsed l:
                    Close(SupplementKey, l.On);
                    break;
                case ConsultationStarted c:
                    var counts = c.Kind == ConsultationKind.ThirdParty || rules.ExcludesOtherAgencyConsultation();
                    Open(m, "c:" + c.ConsultationId,
                        c.Kind == ConsultationKind.ThirdParty ? PauseReason.ThirdPartyConsultation : PauseReason.OtherAgencyConsultation, c.On, counts);
                    break;
                case ConsultationAnswered a:
                    Close("c:" + a.ConsultationId, a.On);
                    break;
                case ConsultationLapsed l:
                    Close("c:" + l.ConsultationId, l.On);
                    break;
                case FeeNoticeIssued f:
                    Open(m, FeeKey, PauseReason.FeeNotice, f.On, settings.FeeNoticePausesClock);
                    break;
                case FeePaid or FeeLapsed:
                    Close(FeeKey, m.Event.On);
                    break;
                case Extended x:
                    if (Running(x.On))
                    {
                        _extended = true;
                    }
                    else
                    {
                        _late.Add(m.Number);
                    }

                    break;
                case DelayedAnswerDateSet d:
                    if (Running(d.On))
                    {
                        _answerBy = d.AnswerBy;
                    }
                    else
                    {
                        _late.Add(m.Number);
                    }

                    break;
            }
        }

        /// <summary>
        /// Whether the period is still running on a day: suspended by an open pause, or not past its deadline. An Art 35
        /// date is a fixed deadline that no pause suspends.
        /// </summary>
        public bool Running(DateOnly on) =>
            SupplementPending || (_answerBy is { } answerBy ? on <= answerBy : _pauses.Any(p => p.End is null) || on <= CurrentDeadline());

        private bool SupplementPending => Find(SupplementKey) is { End: null };

        /// <summary>The deadline with the pauses ended so far (open ones ignored).</summary>
        public DateOnly CurrentDeadline() => Compute(_pauses.Where(p => p.End is not null)).Deadline;

        public ClockTerm Result(DateOnly? closedOn)
        {
            if (closedOn is { } closed)
            {
                // A pause still open when the case closes ends on the closing date.
                foreach (var open in _pauses.Where(p => p.End is null))
                {
                    open.End = closed < open.Start ? open.Start : closed;
                }
            }

            // Under an Art 35 date only a pending supplement stops the clock (its receipt starts a new period); that date
            // is the deadline whatever else is pending.
            var pausedFor = _pauses.Where(p => p.End is null && (_answerBy is null || p.Key == SupplementKey))
                .Select(p => p.Reason).Distinct().OrderBy(r => r).ToList();
            if (pausedFor.Count > 0)
            {
                return new ClockTerm(null, false, 0, pausedFor, _periodStart, _late);
            }

            var (deadline, provisional, pausedDays) = Compute(_pauses);
            return new ClockTerm(deadline, provisional, pausedDays, [], _periodStart, _late);
        }

        private (DateOnly Deadline, bool Provisional, int PausedDays) Compute(IEnumerable<Pause> pauses)
        {
            // 条例第三十五条: the later answer date the agency set is the deadline of the period it was set in.
            if (_answerBy is { } answerBy)
            {
                return (answerBy, !calendar.Covers(answerBy), 0);
            }

            var provisional = false;
            var pausedDays = new HashSet<DateOnly>();
            foreach (var pause in pauses)
            {
                var first = pause.Start > _periodStart ? pause.Start : _periodStart;
                for (var day = first.AddDays(1); day <= pause.End; day = day.AddDays(1))
                {
                    provisional |= !calendar.Covers(day);
                    if (calendar.IsWorkingDay(day))
                    {
                        pausedDays.Add(day);
                    }
                }
            }

            var total = rules.ResponsePeriod() + (_extended ? rules.ExtensionPeriod() : 0) + pausedDays.Count;
            var deadline = calendar.AddWorkingDays(DayZero(_periodStart, settings), total);
            return (deadline.Date, provisional || deadline.Provisional, pausedDays.Count);
        }

        private void Open(Milestone m, string key, PauseReason reason, DateOnly on, bool acts)
        {
            if (!Running(on))
            {
                _late.Add(m.Number);
                return;
            }

            if (acts)
            {
                _pauses.Add(new Pause(key, reason, on));
            }
        }

        private void Close(string key, DateOnly on)
        {
            if (Find(key) is { End: null } open)
            {
                open.End = on < open.Start ? open.Start : on;
            }
        }

        private Pause? Find(string key) => _pauses.LastOrDefault(p => p.Key == key);
    }
}

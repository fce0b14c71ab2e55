using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;

namespace CaseTracker.Domain.Clock;

/// <summary>
/// The response deadline of a case under the law that governs it. Composition: period start (receipt, or the
/// supplement's receipt) → + 20 working days (2008: 15) → + the extension → + the paused working days.
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
        var term = Deadline(s, calendar, settings);
        var reading = new ClockReading
        {
            AsOf = asOf,
            Status = s.IsClosed ? CaseStatus.Closed : term.PausedFor.Count > 0 ? CaseStatus.Paused : CaseStatus.Running,
            PausedFor = s.IsClosed ? [] : term.PausedFor,
            PeriodStart = PeriodStart(s),
            Deadline = term.Deadline,
            Provisional = term.Provisional,
            PausedWorkingDays = term.PausedDays,
            SupplementNoticeDue = noticeDue.Date,
            SupplementNoticeLate = s.Supplement is { } sup && sup.RequestedOn > noticeDue.Date,
        };

        if (s.Closure is { } closure)
        {
            return reading with
            {
                ClosedLate = term.Deadline is { } due && closure.On > due,
                ReconsiderationWindowEnds = closure.On.AddDays(60),
                LawsuitWindowEnds = closure.On.AddMonths(6),
            };
        }

        return reading with
        {
            WorkingDaysLeft = term.Deadline is { } d ? DaysLeft(asOf, d, calendar) : null,
            Overdue = term.Deadline is { } deadline && asOf > deadline,
            ConsultationsDue = s.Consultations.Where(c => c.IsOpen).Select(c =>
            {
                var due = calendar.AddWorkingDays(DayZero(c.StartedOn, settings), ClockSettings.ConsultationReplyDays);
                return new ConsultationDue(c.Id, c.Party, due.Date, due.Provisional);
            }).ToList(),
            // 国办函〔2020〕109号: counted from the day after the applicant received the notice, whatever the day-1 setting.
            FeePaymentDue = s.Fee is { IsPending: true } fee
                ? calendar.AddWorkingDays(fee.ApplicantReceivedOn, ClockSettings.FeePaymentDays).Date
                : null,
        };
    }

    /// <summary>The deadline the case has with the milestones it has (closure ignored); none while paused.</summary>
    public static (DateOnly? Deadline, bool Provisional, int PausedDays, IReadOnlyList<PauseReason> PausedFor) Deadline(
        CaseState s, WorkingCalendar calendar, ClockSettings settings)
    {
        var start = PeriodStart(s);
        var pauses = Pauses(s, settings).ToList();
        var pausedFor = pauses.Where(p => p.End is null).Select(p => p.Reason).Distinct().ToList();
        if (s.Supplement is { IsPending: true })
        {
            pausedFor.Insert(0, PauseReason.Supplement);
        }

        if (pausedFor.Count > 0 || start is not { } periodStart)
        {
            return (null, false, 0, pausedFor);
        }

        // 条例第三十五条: the later answer date the agency set is the deadline of the period it was set in. A supplement
        // received after it was set starts the period again from zero (第三十条), and the statutory period governs again.
        if (s.AnswerBy is { } answerBy && AnswerDateSetOn(s) >= periodStart)
        {
            return (answerBy, !calendar.Covers(answerBy), 0, pausedFor);
        }

        var provisional = false;
        var pausedDays = new HashSet<DateOnly>();
        foreach (var (_, from, to) in pauses)
        {
            var first = from > periodStart ? from : periodStart;
            for (var day = first.AddDays(1); day <= to; day = day.AddDays(1))
            {
                provisional |= !calendar.Covers(day);
                if (calendar.IsWorkingDay(day))
                {
                    pausedDays.Add(day);
                }
            }
        }

        var rules = s.Rules;
        var total = rules.ResponsePeriod() + (s.Extension is null ? 0 : rules.ExtensionPeriod()) + pausedDays.Count;
        var deadline = calendar.AddWorkingDays(DayZero(periodStart, settings), total);
        return (deadline.Date, provisional || deadline.Provisional, pausedDays.Count, pausedFor);
    }

    private static DateOnly? AnswerDateSetOn(CaseState s) =>
        s.History.Select(m => m.Event).OfType<CaseEvent.DelayedAnswerDateSet>().LastOrDefault()?.On;

    /// <summary>条例第三十条: the last day a supplement notice may go out, 7 working days after receipt.</summary>
    public static CalendarDate SupplementNoticeDue(DateOnly receivedOn, WorkingCalendar calendar, ClockSettings settings) =>
        calendar.AddWorkingDays(DayZero(receivedOn, settings), ClockSettings.SupplementNoticeDays);

    private static DateOnly? PeriodStart(CaseState s) => s.Supplement?.ReceivedOn ?? s.Receipt?.On;

    /// <summary>The day before day 1 of a period that starts on <paramref name="start"/>.</summary>
    private static DateOnly DayZero(DateOnly start, ClockSettings settings) =>
        settings.DayOneIsNextWorkingDay ? start : start.AddDays(-1);

    /// <summary>Excluded time: from each pause's start to its end (条例第三十二条、第三十四条; 2008: third parties only).</summary>
    private static IEnumerable<(PauseReason Reason, DateOnly Start, DateOnly? End)> Pauses(CaseState s, ClockSettings settings)
    {
        foreach (var c in s.Consultations)
        {
            if (c.Kind == ConsultationKind.ThirdParty)
            {
                yield return (PauseReason.ThirdPartyConsultation, c.StartedOn, c.EndedOn);
            }
            else if (s.Rules.ExcludesOtherAgencyConsultation())
            {
                yield return (PauseReason.OtherAgencyConsultation, c.StartedOn, c.EndedOn);
            }
        }

        if (settings.FeeNoticePausesClock && s.Fee is { } fee)
        {
            yield return (PauseReason.FeeNotice, fee.IssuedOn, fee.PaidOn ?? fee.LapsedOn);
        }
    }

    private static int DaysLeft(DateOnly asOf, DateOnly deadline, WorkingCalendar calendar) =>
        asOf <= deadline ? calendar.CountWorkingDays(asOf, deadline).Days : -calendar.CountWorkingDays(deadline, asOf).Days;
}

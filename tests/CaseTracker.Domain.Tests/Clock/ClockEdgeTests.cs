using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using static CaseTracker.Domain.Tests.Support.A;

namespace CaseTracker.Domain.Tests.Clock;

/// <summary>
/// Edges of the statutory clock that the mutation run (infra/mutation.sh clock) showed untested. Every expected date is
/// worked out by hand from domain.md §2 and calendar.md. The running example: received Friday 2023-09-22 under the 2019
/// rules, whose deadline is Thursday 2023-10-26 (domain.md §2's own example).
/// </summary>
public class ClockEdgeTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.BuiltIn;

    private static ClockReading Read(CaseState s, string asOf) => StatutoryClock.Read(s, D(asOf), Calendar, ClockSettings.Default);

    [Fact]
    public void The_deadline_the_case_list_shows_is_the_spec_example_date()
    {
        var state = CaseDecider.Fold([Received("2023-09-22")]);

        var (deadline, provisional, pausedDays, pausedFor) = StatutoryClock.Deadline(state, Calendar, ClockSettings.Default);

        Assert.Equal((D("2023-10-26"), false, 0), (deadline, provisional, pausedDays));
        Assert.Empty(pausedFor);
    }

    [Fact]
    public void A_case_not_received_has_no_term_and_its_period_has_not_run_out()
    {
        var term = StatutoryClock.Term(CaseState.Initial, Calendar, ClockSettings.Default);
        var runOut = StatutoryClock.HasRunOut(CaseState.Initial, D("2023-11-07"), Calendar, ClockSettings.Default, out var deadline);

        Assert.Equal((null, false, 0, null), (term.Deadline, term.Provisional, term.PausedDays, term.PeriodStart));
        Assert.Empty(term.PausedFor);
        Assert.Empty(term.LateMilestones);
        Assert.False(runOut);
        Assert.Null(deadline);
    }

    [Fact]
    public void The_period_runs_out_the_day_after_the_deadline()
    {
        var state = CaseDecider.Fold([Received("2023-09-22")]);

        Assert.False(StatutoryClock.HasRunOut(state, D("2023-10-26"), Calendar, ClockSettings.Default, out var onTheDay));
        Assert.True(StatutoryClock.HasRunOut(state, D("2023-10-27"), Calendar, ClockSettings.Default, out var dayAfter));
        Assert.Equal((D("2023-10-26"), D("2023-10-26")), (onTheDay, dayAfter));
    }

    [Fact]
    public void A_notice_delivered_the_day_it_is_dated_keeps_the_period_it_gave_even_when_that_ends_on_a_Sunday()
    {
        // 补正告知 dated Monday 2023-10-09 giving "by Sunday 2023-10-22", delivered the same day: the applicant has what the
        // notice says (recounting its working days from the delivery would end on Friday 10-20 instead).
        var supplement = new Supplement(D("2023-10-09"), "请补充文号", D("2023-10-22"), null, null) { DeliveredOn = D("2023-10-09") };

        Assert.Equal(D("2023-10-22"), StatutoryClock.SupplementRespondBy(supplement, Calendar, ClockSettings.Default));
    }

    [Fact]
    public void An_open_consultation_of_another_agency_pauses_the_clock_for_that_reason_under_the_2019_rules()
    {
        // 条例（2019）第三十四条: the time another agency takes is excluded; started Monday 2023-10-09, inside the period.
        var state = CaseDecider.Fold([
            Received("2023-09-22"),
            new CaseEvent.ConsultationStarted("c1", ConsultationKind.OtherAgency, "市档案馆", D("2023-10-09")),
        ]);

        var reading = Read(state, "2023-10-10");

        Assert.Equal(CaseStatus.Paused, reading.Status);
        Assert.Equal([PauseReason.OtherAgencyConsultation], reading.PausedFor);
        Assert.Null(reading.Deadline);
    }

    [Fact]
    public void Several_open_pauses_are_listed_in_the_fixed_order_of_their_reasons_not_the_order_they_began()
    {
        // The fee notice went out first (Mon 10-09), the third-party letter the next day; both still open.
        var state = CaseDecider.Fold([
            Received("2023-09-22"),
            FeeNotice("2023-10-09", "2023-10-10"),
            ThirdParty("c1", "2023-10-10"),
        ]);

        var reading = Read(state, "2023-10-11");

        Assert.Equal([PauseReason.ThirdPartyConsultation, PauseReason.FeeNotice], reading.PausedFor);
    }

    [Fact]
    public void An_imported_extension_dated_after_the_deadline_is_flagged_late_and_adds_no_days()
    {
        // A ledger may carry an extension approved on Wed 2023-11-01, after the deadline of 10-26 had passed: recorded, moving nothing.
        var state = CaseDecider.Fold([Received("2023-09-22"), Extended("2023-11-01")]);

        var reading = Read(state, "2023-11-02");

        Assert.Equal(D("2023-10-26"), reading.Deadline);
        Assert.Equal([1], reading.LateMilestones);
        Assert.True(reading.Overdue);
    }

    [Fact]
    public void An_imported_Art_35_date_set_after_the_deadline_is_flagged_late_and_is_not_the_deadline()
    {
        var state = CaseDecider.Fold([Received("2023-09-22"), new CaseEvent.DelayedAnswerDateSet(D("2023-11-01"), D("2023-11-30"))]);

        var reading = Read(state, "2023-11-02");

        Assert.Equal(D("2023-10-26"), reading.Deadline);
        Assert.Equal([1], reading.LateMilestones);
        Assert.True(reading.Overdue);
    }
}

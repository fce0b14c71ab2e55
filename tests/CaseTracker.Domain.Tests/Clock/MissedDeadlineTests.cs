using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Domain.Tests.Support;
using static CaseTracker.Domain.Tests.Support.A;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Clock;

/// <summary>
/// Issue 9, as a supervisor tried it: an overdue case could be cleared after the fact. Receipt 2023-09-22 (Fri): its deadline
/// is Thu 2023-10-26 (domain.md §2 example); 2023-11-07 is 8 working days later (10-27, 10-30..11-03, 11-06, 11-07).
/// </summary>
public class MissedDeadlineTests
{
    private static readonly CasePolicy Policy = CasePolicy.Default with { Today = D("2023-11-07") };

    private static CaseStream Overdue() => new CaseStream(Policy).Do(Receive("2023-09-22"));

    private static ClockReading Read(CaseState s, string asOf) =>
        StatutoryClock.Read(s, D(asOf), WorkingCalendar.BuiltIn, ClockSettings.Default);

    [Fact]
    public void Eight_working_days_overdue_the_case_says_so()
    {
        var reading = Read(Overdue().State, "2023-11-07");

        Assert.True(reading.Overdue);
        Assert.Equal(-8, reading.WorkingDaysLeft);
    }

    [Fact]
    public void A_supplement_notice_dated_today_on_an_overdue_case_is_recorded_flagged_and_clears_nothing()
    {
        var stream = Overdue().Do(new C.RequestSupplement(D("2023-11-07"), "请补充文号", D("2023-11-21")));

        var reading = Read(stream.State, "2023-11-07");

        Assert.Equal(CaseStatus.Running, reading.Status);
        Assert.Empty(reading.PausedFor);
        Assert.True(reading.Overdue);
        Assert.Equal(D("2023-10-26"), reading.Deadline);
        Assert.Equal([1], reading.LateMilestones);
    }

    [Fact]
    public void Its_supplement_arriving_later_does_not_restart_the_period()
    {
        var stream = Overdue().Do(new C.RequestSupplement(D("2023-10-30"), "请补充文号", D("2023-11-13")), new C.RecordSupplement(D("2023-11-06")));

        var reading = Read(stream.State, "2023-11-07");

        Assert.True(reading.Overdue);
        Assert.Equal(D("2023-10-26"), reading.Deadline);
    }

    [Theory]
    [InlineData(ConsultationKind.ThirdParty)]
    [InlineData(ConsultationKind.OtherAgency)]
    public void A_consultation_started_after_the_deadline_is_recorded_flagged_and_clears_nothing(ConsultationKind kind)
    {
        var stream = Overdue().Do(new C.StartConsultation("c1", kind, "某单位", D("2023-11-07")));

        var reading = Read(stream.State, "2023-11-07");

        Assert.Equal(CaseStatus.Running, reading.Status);
        Assert.True(reading.Overdue);
        Assert.Equal([1], reading.LateMilestones);
    }

    [Fact]
    public void A_fee_notice_after_the_deadline_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Overdue().Do(new C.IssueFeeNotice(D("2023-11-07"), 100m, FeeMethod.PerItem, D("2023-11-07"))));

        Assert.Equal("fee.after_deadline", error.Rule);
        Assert.Contains("2023-10-26", error.Message);
    }

    [Fact]
    public void An_Art_35_date_after_the_deadline_is_refused()
    {
        var stream = Overdue().Do(new C.RequestReasons(D("2023-10-09")));

        var error = Assert.Throws<DomainException>(() => stream.Do(new C.SetDelayedAnswerDate(D("2023-11-07"), D("2023-12-29"))));

        Assert.Equal("delay.after_deadline", error.Rule);
        Assert.Contains("第三十五条", error.Message);
    }

    [Fact]
    public void An_extension_after_the_deadline_is_refused_even_with_a_late_pause_before_it()
    {
        var stream = Overdue().Do(new C.StartConsultation("c1", ConsultationKind.ThirdParty, "某公司", D("2023-10-30")));

        var error = Assert.Throws<DomainException>(() => stream.Do(Extend("2023-11-07")));

        Assert.Equal("extension.after_deadline", error.Rule);
    }

    [Fact]
    public void A_decision_while_a_late_consultation_is_open_counts_as_late()
    {
        var stream = Overdue().Do(new C.StartConsultation("c1", ConsultationKind.ThirdParty, "某公司", D("2023-10-30")), Answer("2023-11-07"));

        var reading = Read(stream.State, "2023-11-07");

        Assert.Equal(CaseStatus.Closed, reading.Status);
        Assert.True(reading.ClosedLate);
    }

    [Fact]
    public void A_consultation_begun_in_time_and_open_at_the_decision_ends_on_the_decision_date()
    {
        // Started 10-25 (the 19th working day); the decision 11-07 ends it: 10-26, 10-27, 10-30..11-03, 11-06, 11-07 = 9 paused;
        // 20 + 9 = 29th working day = 11-08 (10-27 is the 21st, 11-06 the 27th).
        var stream = Overdue().Do(new C.StartConsultation("c1", ConsultationKind.ThirdParty, "某公司", D("2023-10-25")), Answer("2023-11-07"));

        var reading = Read(stream.State, "2023-11-07");

        Assert.Equal(D("2023-11-08"), reading.Deadline);
        Assert.False(reading.ClosedLate);
    }

    [Fact]
    public void An_overdue_case_stays_overdue_until_it_closes_and_its_closing_counts_late()
    {
        var stream = Overdue().Do(new C.StartConsultation("c1", ConsultationKind.ThirdParty, "某公司", D("2023-10-27")),
            new C.RecordConsultationAnswer("c1", D("2023-11-03")));
        Assert.True(Read(stream.State, "2023-11-06").Overdue);

        stream.Do(new C.Withdraw(D("2023-11-07")));

        Assert.True(Read(stream.State, "2023-11-07").ClosedLate);
    }

    [Fact]
    public void A_supplement_lapse_the_day_after_the_notice_is_refused()
    {
        var stream = new CaseStream().Do(Receive("2023-03-01"), new C.RequestSupplement(D("2023-03-03"), "请补充文号", D("2023-03-17")));

        Assert.Equal("supplement.lapse_too_early", Assert.Throws<DomainException>(() => stream.Do(new C.LapseSupplement(D("2023-03-04")))).Rule);

        stream.Do(new C.LapseSupplement(D("2023-03-18")));
        Assert.Equal(Outcome.OtherSupplementLapsed, stream.State.Closure!.Outcome);
    }

    [Fact]
    public void A_fee_lapse_the_day_after_the_notice_is_refused_and_allowed_after_20_working_days()
    {
        // Received 03-08: the 20th working day after it is 04-06 (04-05 清明).
        var stream = new CaseStream().Do(Receive("2023-03-01"), new C.IssueFeeNotice(D("2023-03-06"), 100m, FeeMethod.PerItem, D("2023-03-08")));

        Assert.Equal("fee.lapse_too_early", Assert.Throws<DomainException>(() => stream.Do(new C.LapseFee(D("2023-03-07")))).Rule);

        stream.Do(new C.LapseFee(D("2023-04-07")));
        Assert.Equal(Outcome.OtherFeeUnpaid, stream.State.Closure!.Outcome);
    }

    [Fact]
    public void Third_party_silence_is_counted_from_the_day_the_party_received_the_letter()
    {
        // Received 03-09: 03-10 (1), 03-13..03-17 (6), 03-20..03-24 (11), 03-27..03-30 (15): silent from 03-31.
        var stream = new CaseStream().Do(Receive("2023-03-01"),
            new C.StartConsultation("c1", ConsultationKind.ThirdParty, "某公司", D("2023-03-02"), D("2023-03-09")));

        Assert.Equal(D("2023-03-09"), stream.State.Consultations[0].PartyReceivedOn);
        Assert.Equal([new ConsultationDue("c1", "某公司", D("2023-03-30"), false)], Read(stream.State, "2023-03-20").ConsultationsDue);
        Assert.Throws<DomainException>(() => stream.Do(new C.LapseConsultation("c1", D("2023-03-30"))));
        stream.Do(new C.LapseConsultation("c1", D("2023-03-31")));
    }

    [Fact]
    public void The_day_the_applicant_was_told_of_the_Art_35_date_is_recorded()
    {
        var stream = new CaseStream().Do(Receive("2023-03-01"), new C.RequestReasons(D("2023-03-06")),
            new C.SetDelayedAnswerDate(D("2023-03-10"), D("2023-05-31"), D("2023-03-13")));

        Assert.Equal(D("2023-03-13"), stream.State.AnswerByToldOn);
        Assert.Equal(D("2023-05-31"), Read(stream.State, "2023-03-13").Deadline);
    }

    [Fact]
    public void 大量反复_is_allowed_once_the_applicant_was_asked_for_reasons()
    {
        var stream = new CaseStream().Do(Receive("2023-03-01"), new C.RequestReasons(D("2023-03-06")), Answer("2023-03-20", Outcome.NotProcessedExcessive));

        Assert.Equal(Outcome.NotProcessedExcessive, stream.State.Closure!.Outcome);
    }

    [Theory]
    [InlineData("receipt next month", "2023-12-01", null)]
    [InlineData("decision next year", "2023-09-22", "2024-01-15")]
    public void A_business_date_after_today_is_refused(string what, string receipt, string? decision)
    {
        var stream = new CaseStream(Policy);
        var error = Assert.Throws<DomainException>(() =>
        {
            stream.Do(Receive(receipt));
            if (decision is not null)
            {
                stream.Do(Answer(decision));
            }
        });

        Assert.True(error.Rule == "date.in_future", what);
        Assert.Contains("2023-11-07", error.Message);
    }

    [Fact]
    public void Dates_inside_a_milestone_cannot_be_in_the_future_either_but_deadlines_can()
    {
        var stream = Overdue();
        var future = new C.IssueFeeNotice(D("2023-10-20"), 100m, FeeMethod.PerItem, D("2023-11-08"));

        Assert.Equal("date.in_future", Assert.Throws<DomainException>(() => stream.Do(future)).Rule);
        Assert.Equal("date.in_future", Assert.Throws<DomainException>(() => stream.Do(new C.CorrectDate(0, D("2023-11-08"), "录错", D("2023-11-07")))).Rule);
        stream.Do(new C.RequestSupplement(D("2023-09-26"), "请补充文号", D("2023-12-31")));
    }

    [Fact]
    public void A_receipt_in_1999_is_refused_and_one_on_2008_05_01_accepted()
    {
        Assert.Equal("receipt.before_regulation", Assert.Throws<DomainException>(() => new CaseStream().Do(Receive("1999-03-01"))).Rule);
        Assert.Equal("receipt.before_regulation", Assert.Throws<DomainException>(() => new CaseStream().Do(Receive("2008-04-30"))).Rule);
        new CaseStream().Do(Receive("2008-05-01"));
    }

    [Fact]
    public void An_appeal_before_the_decision_lies_only_once_the_deadline_has_passed()
    {
        var stream = Overdue();
        Assert.Equal("appeal.before_deadline", Assert.Throws<DomainException>(() => stream.Do(new C.FileReconsideration("r1", D("2023-10-26"), "区人民政府"))).Rule);

        stream.Do(new C.FileReconsideration("r1", D("2023-10-27"), "区人民政府"));
        Assert.Single(stream.State.Appeals);
    }

    [Fact]
    public void A_withdrawn_case_has_no_remedy_windows_and_a_lawsuit_after_reconsideration_has_15_days()
    {
        var withdrawn = new CaseStream().Do(Receive("2023-03-01"), new C.Withdraw(D("2023-03-10")));
        var reading = Read(withdrawn.State, "2023-03-10");
        Assert.Null(reading.ReconsiderationWindowEnds);
        Assert.Null(reading.LawsuitWindowEnds);

        var reconsidered = new CaseStream().Do(Receive("2023-03-01"), Answer("2023-03-20"),
            new C.FileReconsideration("r1", D("2023-04-10"), "区人民政府"), new C.ConcludeReconsideration("r1", D("2023-06-01"), AppealResult.Upheld));
        var after = Read(reconsidered.State, "2023-06-01");
        Assert.Equal(D("2023-05-19"), after.ReconsiderationWindowEnds); // 03-20 + 11 = 03-31, + 30 = 04-30, + 19 = 05-19
        Assert.Equal(D("2023-06-16"), after.LawsuitWindowEnds); // 06-01 + 15
    }

    [Fact]
    public void An_old_supplement_notice_without_a_period_does_not_block_corrections_of_its_case()
    {
        var stream = new CaseStream().Do(Receive("2023-03-01"));
        var old = CaseDecider.Evolve(stream.State, new CaseEvent.SupplementRequested(D("2023-03-03"), "文号", null));

        var events = CaseDecider.Decide(new C.CorrectDate(0, D("2023-03-02"), "收件日期录错", D("2023-03-10")), old, CasePolicy.Default);

        Assert.Single(events);
    }
}

using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Domain.Tests.Support;
using static CaseTracker.Domain.Tests.Support.A;
using static CaseTracker.Domain.Tests.Support.Scenario;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Clock;

/// <summary>What supervisors watch besides the deadline: notices, replies and payments coming due, remedy windows, status.</summary>
public class ClockReadingTests
{
    private static ClockReading Read(CaseState s, string asOf, ClockSettings? settings = null) =>
        StatutoryClock.Read(s, D(asOf), WorkingCalendar.BuiltIn, settings ?? ClockSettings.Default);

    [Fact]
    public void The_supplement_notice_is_due_7_working_days_after_receipt()
    {
        // 2023-09-22: 09-25..09-28 (4), 09-29..10-06 holiday, 10-07 (5), 10-08 (6) make-up, 10-09 (7).
        var reading = Read(CaseDecider.Fold([Received("2023-09-22")]), "2023-09-25");

        Assert.Equal(D("2023-10-09"), reading.SupplementNoticeDue);
        Assert.False(reading.SupplementNoticeLate);
    }

    [Fact]
    public void A_supplement_notice_on_the_7th_working_day_is_not_late()
    {
        var state = new CaseStream().Do(Receive("2023-09-22"), new C.RequestSupplement(D("2023-10-09"), "文号", D("2023-10-31"))).State;

        Assert.False(Read(state, "2023-10-09").SupplementNoticeLate);
    }

    [Fact]
    public void A_late_supplement_notice_is_allowed_but_flagged()
    {
        Given(Received("2023-09-22")).When(new C.RequestSupplement(D("2023-10-10"), "文号", D("2023-10-31")))
            .Then(new CaseEvent.SupplementRequested(D("2023-10-10"), "文号", D("2023-10-31")));

        var state = new CaseStream().Do(Receive("2023-09-22"), new C.RequestSupplement(D("2023-10-10"), "文号", D("2023-10-31"))).State;
        var reading = Read(state, "2023-10-10");

        Assert.True(reading.SupplementNoticeLate);
        Assert.Equal(CaseStatus.Paused, reading.Status);
        Assert.Equal([PauseReason.Supplement], reading.PausedFor);
    }

    [Fact]
    public void A_third_party_reply_is_due_15_working_days_after_the_letter()
    {
        // Sent 2023-04-21: 04-23 Sun make-up (1), 04-24..04-28 (6), 05-01..05-03 holiday, 05-04, 05-05 (8),
        // 05-06 Sat make-up (9), 05-08..05-12 (14), 05-15 (15).
        var state = new CaseStream().Do(Receive("2023-04-20"), new C.StartConsultation("c1", ConsultationKind.ThirdParty, "某公司", D("2023-04-21"))).State;

        var reading = Read(state, "2023-05-04");

        Assert.Equal([new ConsultationDue("c1", "某公司", D("2023-05-15"), false)], reading.ConsultationsDue);
        Assert.Equal(CaseStatus.Paused, reading.Status);
        Assert.Equal([PauseReason.ThirdPartyConsultation], reading.PausedFor);
        Assert.Null(reading.Deadline);
    }

    [Fact]
    public void A_fee_payment_is_due_20_working_days_from_the_day_after_the_applicant_received_the_notice()
    {
        // Received by the applicant 2021-02-09: 02-10 (1), 02-11..02-17 春节, 02-18, 02-19 (3), 02-20 Sat make-up (4),
        // 02-22..02-26 (9), 03-01..03-05 (14), 03-08..03-12 (19), 03-15 (20).
        var state = FeePending();

        var reading = Read(state, "2021-02-22");

        Assert.Equal(D("2021-03-15"), reading.FeePaymentDue);
        Assert.Equal([PauseReason.FeeNotice], reading.PausedFor);
    }

    [Fact]
    public void The_fee_payment_period_starts_the_day_after_receipt_even_when_day_one_is_the_start_date()
    {
        // 国办函〔2020〕109号 counts from the day after the notice is received, whatever the day-1 setting for the response period.
        var reading = Read(FeePending(), "2021-02-22", new ClockSettings(DayOneIsNextWorkingDay: false));

        Assert.Equal(D("2021-03-15"), reading.FeePaymentDue);
    }

    [Fact]
    public void With_the_fee_pause_setting_off_a_pending_fee_does_not_stop_the_clock()
    {
        // 2021-02-05: 02-07 Sun make-up (1), 02-08..02-10 (4), 02-18, 02-19 (6), 02-20 (7), 02-22..02-26 (12),
        // 03-01..03-05 (17), 03-08..03-10 (20).
        var reading = Read(FeePending(), "2021-02-22", new ClockSettings(FeeNoticePausesClock: false));

        Assert.Equal(CaseStatus.Running, reading.Status);
        Assert.Equal(D("2021-03-10"), reading.Deadline);
        Assert.Equal(D("2021-03-15"), reading.FeePaymentDue);
    }

    [Theory]
    [InlineData("2023-03-20", "2023-05-19", "2023-09-20")] // 03-20 + 11 = 03-31, + 30 = 04-30, + 19 = 05-19
    [InlineData("2023-08-31", "2023-10-30", "2024-02-29")] // + 30 = 09-30, + 30 = 10-30; 6 months to a leap February
    [InlineData("2024-08-31", "2024-10-30", "2025-02-28")] // no 02-31: the last day of that month
    [InlineData("2025-12-15", "2026-02-13", "2026-06-15")] // 12-15 + 16 = 12-31, + 31 = 01-31, + 13 = 02-13
    public void A_decided_case_shows_its_remedy_windows(string decided, string reconsiderationBy, string lawsuitBy)
    {
        var receipt = D(decided).AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var state = new CaseStream().Do(Receive(receipt), Answer(decided, Outcome.RefusedProcessInformation)).State;

        var reading = Read(state, decided);

        Assert.Equal(CaseStatus.Closed, reading.Status);
        Assert.Equal(D(reconsiderationBy), reading.ReconsiderationWindowEnds);
        Assert.Equal(D(lawsuitBy), reading.LawsuitWindowEnds);
    }

    [Fact]
    public void An_open_case_has_no_remedy_windows()
    {
        var reading = Read(CaseDecider.Fold([Received("2023-03-01")]), "2023-03-10");

        Assert.Null(reading.ReconsiderationWindowEnds);
        Assert.Null(reading.LawsuitWindowEnds);
    }

    [Fact]
    public void A_case_answered_after_its_deadline_is_closed_late()
    {
        // 2023-03-01 → 03-29 (03-02, 03-03 (2), 03-06..03-10 (7), 03-13..03-17 (12), 03-20..03-24 (17), 03-27..03-29 (20)).
        var onTime = new CaseStream().Do(Receive("2023-03-01"), Answer("2023-03-29")).State;
        var late = new CaseStream().Do(Receive("2023-03-01"), Answer("2023-03-30")).State;

        Assert.False(Read(onTime, "2023-04-01").ClosedLate);
        Assert.True(Read(late, "2023-04-01").ClosedLate);
        Assert.Equal("已办结", Read(late, "2023-04-01").StatusLabel);
    }

    [Fact]
    public void A_reading_before_a_milestone_ignores_it()
    {
        var state = new CaseStream().Do(Receive("2023-03-01"), Answer("2023-03-30")).State;

        Assert.Equal(CaseStatus.NotReceived, Read(state, "2023-02-28").Status);
        Assert.Equal("未收到", Read(state, "2023-02-28").StatusLabel);
        var running = Read(state, "2023-03-29");
        Assert.Equal(CaseStatus.Running, running.Status);
        Assert.Equal("办理中", running.StatusLabel);
        Assert.Equal(0, running.WorkingDaysLeft);
    }

    [Fact]
    public void Days_left_counted_from_a_weekend_skip_it()
    {
        // Deadline 2023-03-29; after Saturday 03-25: 03-27, 03-28, 03-29 = 3.
        var reading = Read(CaseDecider.Fold([Received("2023-03-01")]), "2023-03-25");

        Assert.Equal(3, reading.WorkingDaysLeft);
        Assert.Equal("暂停计时", (reading with { Status = CaseStatus.Paused }).StatusLabel);
    }

    private static CaseState FeePending() =>
        new CaseStream().Do(Receive("2021-02-05"), new C.IssueFeeNotice(D("2021-02-08"), 80m, FeeMethod.PerVolume, D("2021-02-09"))).State;
}

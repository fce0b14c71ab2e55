using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Domain.Tests.Support;
using static CaseTracker.Domain.Tests.Support.A;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Decider;

/// <summary>Nothing is deleted: a mistake is corrected by a new event, the history keeps both, and everything derived follows.</summary>
public class CorrectionTests
{
    private static ClockReading Read(CaseState s, string asOf) => StatutoryClock.Read(s, D(asOf), WorkingCalendar.BuiltIn, ClockSettings.Default);

    [Fact]
    public void A_wrongly_entered_receipt_date_is_corrected_and_the_deadline_follows()
    {
        var stream = new CaseStream().Do(Receive("2023-09-22"));
        Assert.Equal(D("2023-10-26"), Read(stream.State, "2023-10-01").Deadline);

        stream.Do(new C.CorrectDate(0, D("2023-09-25"), "收件日期录错，实为周一签收", D("2023-09-27")));

        // Original and correction both stay in the stream.
        Assert.Equal(2, stream.Events.Count);
        Assert.Equal(D("2023-09-22"), Assert.IsType<CaseEvent.Received>(stream.Events[0]).On);
        Assert.Equal(D("2023-09-25"), Assert.IsType<CaseEvent.DateCorrected>(stream.Events[1]).CorrectDate);
        Assert.Equal(D("2023-09-25"), stream.State.Receipt!.On);
        Assert.Equal(1, stream.State.CorrectionCount);
        // From 09-25: 09-26..09-28 (3), 09-29..10-06 holiday, 10-07, 10-08 make-up (5), 10-09..10-13 (10),
        // 10-16..10-20 (15), 10-23..10-27 (20) → 2023-10-27.
        Assert.Equal(D("2023-10-27"), Read(stream.State, "2023-10-01").Deadline);
    }

    [Fact]
    public void A_wrongly_entered_outcome_is_corrected_and_the_closure_follows()
    {
        var stream = new CaseStream().Do(Receive("2023-03-01"), Answer("2023-03-20", Outcome.DisclosedProvided));
        stream.Do(new C.CorrectOutcome(Outcome.PartiallyDisclosed, new GroundList([Outcome.RefusedThirdPartyRights]), "漏记区分处理", D("2023-03-22")));

        Assert.Equal(3, stream.Events.Count);
        Assert.Equal(Outcome.DisclosedProvided, Assert.IsType<CaseEvent.Decided>(stream.Events[1]).Outcome);
        Assert.Equal(Outcome.PartiallyDisclosed, Assert.IsType<CaseEvent.OutcomeCorrected>(stream.Events[2]).Outcome);
        var closure = stream.State.Closure!;
        Assert.Equal(Outcome.PartiallyDisclosed, closure.Outcome);
        Assert.Equal([Outcome.RefusedThirdPartyRights], closure.WithheldGrounds.Items);
        Assert.Equal(D("2023-03-20"), closure.On);
        var decided = Assert.IsType<CaseEvent.Decided>(Assert.Single(stream.State.History, m => m.Event is CaseEvent.Decided).Event);
        Assert.Equal(Outcome.PartiallyDisclosed, decided.Outcome);
    }

    [Fact]
    public void A_wrongly_entered_decision_date_is_corrected_and_the_lateness_follows()
    {
        // 2023-03-01 → deadline 03-29 (03-02..03-03 (2), 03-06..03-10 (7), 03-13..03-17 (12), 03-20..03-24 (17), 03-27..03-29 (20)).
        var stream = new CaseStream().Do(Receive("2023-03-01"), Answer("2023-03-30"));
        Assert.True(Read(stream.State, "2023-04-10").ClosedLate);

        stream.Do(new C.CorrectDate(1, D("2023-03-28"), "答复日期录错", D("2023-04-03")));

        Assert.Equal(D("2023-03-30"), stream.Events[1].On);
        Assert.Equal(D("2023-03-28"), stream.State.Closure!.On);
        Assert.False(Read(stream.State, "2023-04-10").ClosedLate);
        Assert.Equal(CaseStatus.Running, Read(stream.State, "2023-03-27").Status);
    }

    [Fact]
    public void A_wrongly_entered_applicant_type_is_corrected()
    {
        var stream = new CaseStream().Do(Receive("2023-03-01"), new C.CorrectApplicantType(ApplicantType.ResearchInstitution, "实为研究所", D("2023-03-02")));

        Assert.Equal(ApplicantType.NaturalPerson, Assert.IsType<CaseEvent.Received>(stream.Events[0]).ApplicantType);
        Assert.Equal(ApplicantType.ResearchInstitution, stream.State.Receipt!.ApplicantType);
    }

    [Fact]
    public void A_correction_that_breaks_the_history_is_refused_and_nothing_changes()
    {
        var stream = new CaseStream().Do(Receive("2023-03-01"), Answer("2023-03-20"));
        var before = stream.State;

        var error = Assert.Throws<DomainException>(() => { stream.Do(new C.CorrectDate(0, D("2023-03-21"), "录错", D("2023-03-22"))); });

        Assert.Equal("correction.invalid_history", error.Rule);
        Assert.Contains("第1号", error.Message);
        Assert.Equal(2, stream.Events.Count);
        Assert.Same(before, stream.State);
    }

    [Fact]
    public void A_date_correction_can_move_the_supplement_and_restart_the_period_from_the_right_day()
    {
        var stream = new CaseStream().Do(
            Receive("2023-03-01"),
            new C.RequestSupplement(D("2023-03-03"), "文号", D("2023-03-24")),
            new C.RecordSupplement(D("2023-03-10")));
        // From 03-10: 03-13..03-17 (5), 03-20..03-24 (10), 03-27..03-31 (15), 04-03, 04-04, 04-06, 04-07 (19; 04-05 清明), 04-10 (20).
        Assert.Equal(D("2023-04-10"), Read(stream.State, "2023-03-15").Deadline);

        stream.Do(new C.CorrectDate(2, D("2023-03-13"), "补正材料实为周一收到", D("2023-03-15")));

        // From 03-13: 03-14..03-17 (4), 03-20..03-24 (9), 03-27..03-31 (14), 04-03, 04-04, 04-06, 04-07 (18), 04-10, 04-11 (20).
        Assert.Equal(D("2023-04-11"), Read(stream.State, "2023-03-15").Deadline);
        Assert.Equal(D("2023-03-13"), stream.State.Supplement!.ReceivedOn);
    }
}

using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Domain.Tests.Support;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Properties;

/// <summary>Properties over many seeded random valid histories. Each assertion names its seed so a failure can be replayed.</summary>
public class HistoryPropertyTests
{
    private const int Histories = 1500;

    [Fact]
    public void No_valid_history_yields_a_deadline_before_its_period_start()
    {
        var checkedReadings = 0;
        for (var seed = 1; seed <= Histories; seed++)
        {
            var policy = seed % 3 == 0 ? CasePolicy.Default with { Settings = new ClockSettings(DayOneIsNextWorkingDay: false) } : CasePolicy.Default;
            var state = new HistoryGenerator(seed, policy).Generate().State;
            foreach (var asOf in state.History.Select(m => m.Event.On).Append(state.History.Max(m => m.Event.On).AddDays(30)))
            {
                var reading = StatutoryClock.Read(state, asOf, policy.Calendar, policy.Settings);
                if (reading.Deadline is { } deadline)
                {
                    checkedReadings++;
                    Assert.True(deadline >= reading.PeriodStart, $"seed {seed} as of {asOf}: deadline {deadline} before period start {reading.PeriodStart}");
                }
            }
        }

        Assert.True(checkedReadings > Histories, $"only {checkedReadings} readings had a deadline");
    }

    [Fact]
    public void Adding_a_closed_pause_never_makes_a_deadline_earlier()
    {
        var compared = 0;
        for (var seed = 1; seed <= Histories; seed++)
        {
            var generator = new HistoryGenerator(seed);
            var stream = Settle(generator.Generate(mayClose: false));
            var farAhead = stream.State.History.Max(m => m.Event.On).AddDays(400);
            if (Deadline(stream.State, farAhead) is not { } before)
            {
                continue;
            }

            var start = stream.State.Receipt!.On.AddDays(generator.Next(0, 60));
            var end = start.AddDays(generator.Next(0, 30));
            try
            {
                if (generator.Next(0, 3) == 0)
                {
                    stream.Do(new C.IssueFeeNotice(start, 50m, FeeMethod.PerItem, start), new C.RecordFeePayment(end));
                }
                else
                {
                    stream.Do(new C.StartConsultation("pause", (ConsultationKind)generator.Next(0, 2), "某单位", start), new C.RecordConsultationAnswer("pause", end));
                }
            }
            catch (DomainException)
            {
                continue;
            }

            compared++;
            var after = Deadline(stream.State, farAhead);
            Assert.True(after >= before, $"seed {seed}: pause {start}..{end} moved the deadline from {before} to {after}");
        }

        Assert.True(compared > Histories / 3, $"only {compared} histories compared");
    }

    [Fact]
    public void No_milestone_dated_after_the_deadline_ever_makes_an_overdue_case_not_overdue()
    {
        var checkedCases = 0;
        var accepted = 0;
        for (var seed = 1; seed <= Histories; seed++)
        {
            var generator = new HistoryGenerator(seed);
            var stream = generator.Generate(mayClose: false);
            var lookAt = stream.State.History.Max(m => m.Event.On).AddDays(generator.Next(20, 120));
            var before = Read(stream.State, lookAt);
            if (!before.Overdue || before.Deadline is not { } deadline)
            {
                continue;
            }

            checkedCases++;
            var span = lookAt.DayNumber - deadline.DayNumber;
            for (var i = 0; i < 10; i++)
            {
                var date = deadline.AddDays(generator.Next(1, span + 1));
                try
                {
                    stream.Do(AfterTheDeadline(generator, stream.State, date, i));
                    accepted++;
                }
                catch (DomainException)
                {
                    // Refused (an extension, a fee notice or an Art 35 date after the deadline, among others): nothing recorded.
                }

                var after = Read(stream.State, lookAt);
                Assert.True(after.Status == CaseStatus.Closed ? after.ClosedLate : after.Overdue,
                    $"seed {seed}: after milestone {stream.State.History.Count - 1} dated {date} the case is no longer overdue ({Readings.Describe(after)})");
                Assert.Equal(deadline, after.Deadline);
            }
        }

        Assert.True(checkedCases > Histories / 10, $"only {checkedCases} overdue cases");
        Assert.True(accepted > checkedCases * 2, $"only {accepted} milestones accepted on {checkedCases} cases");
    }

    [Fact]
    public void A_date_correction_followed_by_its_reverse_restores_the_original_state()
    {
        var reversed = 0;
        for (var seed = 1; seed <= Histories; seed++)
        {
            var generator = new HistoryGenerator(seed);
            var stream = generator.Generate();
            var original = stream.State;
            var milestone = generator.Pick(original.History);
            var wrong = milestone.Event.On.AddDays(generator.Next(-20, 21));
            try
            {
                stream.Do(new C.CorrectDate(milestone.Number, wrong, "录入有误", wrong));
            }
            catch (DomainException)
            {
                continue;
            }

            stream.Do(new C.CorrectDate(milestone.Number, milestone.Event.On, "恢复原日期", wrong));
            AssertSame(original, stream.State, $"seed {seed}, milestone {milestone.Number} via {wrong}");
            reversed++;
        }

        Assert.True(reversed > Histories / 3, $"only {reversed} corrections were accepted");
    }

    [Fact]
    public void An_outcome_or_applicant_type_correction_followed_by_its_reverse_restores_the_original_state()
    {
        var reversed = 0;
        for (var seed = 1; seed <= Histories; seed++)
        {
            var generator = new HistoryGenerator(seed);
            var stream = generator.Generate();
            var original = stream.State;
            var type = original.Receipt!.ApplicantType;
            stream.Do(new C.CorrectApplicantType((ApplicantType)(((int)type + 1) % 6), "类型录错", original.Receipt.On),
                new C.CorrectApplicantType(type, "恢复", original.Receipt.On));
            if (original.Closure is { } closure && original.History.Single(m => m.Number == closure.Milestone).Event is CaseEvent.Decided)
            {
                var outcome = generator.RandomDecision();
                if ((outcome != Outcome.UnavailableUnclearAfterSupplement || original.Supplement?.ReceivedOn is not null)
                    && (outcome != Outcome.NotProcessedExcessive || original.ReasonsRequestedOn is not null))
                {
                    var decided = (CaseEvent.Decided)original.History.Single(m => m.Number == closure.Milestone).Event;
                    stream.Do(new C.CorrectOutcome(outcome, generator.RandomGrounds(outcome), "结果录错", closure.On,
                            outcome == Outcome.NotProcessedRepeat ? "2020-001" : null),
                        new C.CorrectOutcome(closure.Outcome, closure.WithheldGrounds, "恢复", closure.On, decided.RepeatOf));
                    reversed++;
                }
            }

            AssertSame(original, stream.State, $"seed {seed}");
        }

        Assert.True(reversed > Histories / 10, $"only {reversed} outcomes were corrected");
    }

    [Fact]
    public void Replaying_the_stream_gives_the_state_built_step_by_step()
    {
        for (var seed = 1; seed <= Histories; seed++)
        {
            var stream = new HistoryGenerator(seed).Generate();

            var replayed = CaseDecider.Fold(stream.Events);

            Assert.True(replayed.SameFactsAs(stream.State), $"seed {seed}");
            Assert.Equal(stream.Events.Count, replayed.Version);
        }
    }

    [Fact]
    public void The_generator_is_deterministic_and_varied()
    {
        var first = new HistoryGenerator(42).Generate().Events;
        var again = new HistoryGenerator(42).Generate().Events;
        var kinds = Enumerable.Range(1, 300).SelectMany(seed => new HistoryGenerator(seed).Generate().Events).Select(e => e.GetType().Name).ToHashSet();

        Assert.Equal(first, again);
        Assert.True(kinds.Count >= 15, string.Join(",", kinds));
    }

    /// <summary>Any milestone a caseworker might record on an overdue case, dated after its deadline.</summary>
    private static C AfterTheDeadline(HistoryGenerator g, CaseState s, DateOnly date, int n)
    {
        var open = s.Consultations.Where(c => c.IsOpen).Select(c => c.Id).ToList();
        return g.Next(0, 14) switch
        {
            0 => new C.RequestSupplement(date, "请补充文号", date.AddDays(15)),
            1 => new C.RecordSupplement(date),
            2 or 3 => new C.StartConsultation($"late{n}", (ConsultationKind)g.Next(0, 2), "某单位", date, date.AddDays(g.Next(0, 3))),
            4 => open.Count == 0 ? new C.RequestReasons(date) : new C.RecordConsultationAnswer(g.Pick(open), date),
            5 => open.Count == 0 ? new C.RequestReasons(date) : new C.LapseConsultation(g.Pick(open), date),
            6 => new C.Extend(date, "公开办主任", "情形复杂", date),
            7 => new C.IssueFeeNotice(date, 100m, FeeMethod.PerItem, date),
            8 => new C.RecordFeePayment(date),
            9 => new C.SetDelayedAnswerDate(date, date.AddDays(30)),
            10 => new C.LapseSupplement(date),
            11 => new C.LapseFee(date),
            12 => new C.Withdraw(date),
            _ => new C.Answer(date, Outcome.DisclosedProvided, GroundList.None, ""),
        };
    }

    private static ClockReading Read(CaseState state, DateOnly asOf) =>
        StatutoryClock.Read(state, asOf, CasePolicy.Default.Calendar, CasePolicy.Default.Settings);

    /// <summary>Ends what is still pending (consultations, supplement, fee) so that the case has a deadline.</summary>
    private static CaseStream Settle(CaseStream stream)
    {
        var last = stream.State.History.Max(m => m.Event.On);
        foreach (var open in stream.State.Consultations.Where(c => c.IsOpen))
        {
            stream.Do(new C.RecordConsultationAnswer(open.Id, last));
        }

        if (stream.State.Supplement is { IsPending: true })
        {
            stream.Do(new C.RecordSupplement(last));
        }

        if (stream.State.Fee is { IsPending: true })
        {
            stream.Do(new C.RecordFeePayment(last));
        }

        return stream;
    }

    private static DateOnly? Deadline(CaseState state, DateOnly asOf) =>
        StatutoryClock.Read(state, asOf, CasePolicy.Default.Calendar, CasePolicy.Default.Settings).Deadline;

    private static void AssertSame(CaseState original, CaseState restored, string context)
    {
        Assert.True(original.SameFactsAs(restored), context);
        var dates = original.History.Select(m => m.Event.On).Distinct().Append(original.History.Max(m => m.Event.On).AddDays(45));
        foreach (var asOf in dates)
        {
            var before = StatutoryClock.Read(original, asOf, CasePolicy.Default.Calendar, ClockSettings.Default);
            var after = StatutoryClock.Read(restored, asOf, CasePolicy.Default.Calendar, ClockSettings.Default);
            Assert.Equal(Readings.Describe(before), Readings.Describe(after));
        }
    }
}

using System.Collections;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Properties;

/// <summary>
/// CaseDecider.Evolve applies a milestone added at the end to the state as it stands; that state must be the one deriving
/// the whole history again gives (what a correction does), after every event of many seeded random histories — letters,
/// deliveries, appeals, corrections, an assignment and an erasure included.
/// </summary>
public class EvolvePropertyTests
{
    private const int Histories = 1500;

    [Fact]
    public void Every_state_evolved_event_by_event_is_the_state_derived_from_its_whole_history()
    {
        var compared = 0;
        var kinds = new HashSet<string>();
        for (var seed = 1; seed <= Histories; seed++)
        {
            var generator = new HistoryGenerator(seed);
            var stream = generator.Generate();
            var last = stream.State.History.Max(m => m.Event.On);
            // Beyond what the generator proposes: letters and their delivery, appeals, a correction, an assignment, an erasure.
            foreach (var command in Extra(generator, stream.State, last))
            {
                try
                {
                    stream.Do(command);
                }
                catch (DomainException)
                {
                    // Refused: not part of the history.
                }
            }

            var state = CaseState.Initial;
            foreach (var @event in stream.Events)
            {
                state = CaseDecider.Evolve(state, @event);
                kinds.Add(@event.GetType().Name);
                // A correction derives the whole history again: the receipt's date corrected to itself changes no fact.
                var derived = CaseDecider.Evolve(state, new CaseEvent.DateCorrected(0, state.Receipt!.On, "核对", state.Receipt.On)) with
                {
                    Version = state.Version,
                    CorrectionCount = state.CorrectionCount,
                };
                AssertSame(derived, state, $"seed {seed}, after {@event.GetType().Name} (version {state.Version})");
                compared++;
            }
        }

        Assert.True(compared > Histories * 5, $"only {compared} states compared");
        foreach (var kind in new[] { "LetterIssued", "LetterDelivered", "DateCorrected", "ReconsiderationFiled", "Assigned", "PersonalDataErased", "Decided", "ConsultationAnswered" })
        {
            Assert.Contains(kind, kinds);
        }
    }

    private static IEnumerable<C> Extra(HistoryGenerator generator, CaseState state, DateOnly last)
    {
        var on = last.AddDays(generator.Next(0, 5));
        if (state.Supplement is { } supplement)
        {
            yield return new C.IssueLetter("L-s", LetterKind.Supplement, "", $"补{supplement.RequestedOn.Year}-1", supplement.RequestedOn.Year, 1, 1, new string('a', 64), supplement.RequestedOn);
            yield return new C.RecordDelivery("L-s", DeliveryMethod.Electronic, "电子邮件", new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), on);
        }

        if (state.History.Count > 1)
        {
            var milestone = generator.Next(1, state.History.Count);
            yield return new C.CorrectDate(milestone, state.History[milestone].Event.On.AddDays(-generator.Next(0, 3)), "录入错误", on);
        }

        yield return new C.Assign("caseworker", on);
        if (state.Closure is { } closure)
        {
            yield return new C.FileReconsideration("R-1", on, "区政府");
            yield return new C.ConcludeReconsideration("R-1", on.AddDays(generator.Next(0, 30)), AppealResult.Upheld);
            yield return new C.CorrectOutcome(closure.Outcome, closure.WithheldGrounds, "复核", on.AddDays(31));
        }

        yield return new C.ErasePersonalData("保存期限届满", "admin", on.AddDays(40));
    }

    private static void AssertSame(CaseState expected, CaseState actual, string where)
    {
        foreach (var property in typeof(CaseState).GetProperties())
        {
            var (e, a) = (property.GetValue(expected), property.GetValue(actual));
            if (e is IEnumerable es && a is IEnumerable @as && e is not string)
            {
                Assert.True(es.Cast<object>().SequenceEqual(@as.Cast<object>()), $"{where}: {property.Name} differs");
            }
            else
            {
                Assert.True(Equals(e, a), $"{where}: {property.Name} differs ({e} / {a})");
            }
        }
    }
}

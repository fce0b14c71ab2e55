using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Domain.Tests.Support;
using static CaseTracker.Domain.Tests.Support.A;
using static CaseTracker.Domain.Tests.Support.Scenario;
using C = CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Tests.Clock;

/// <summary>
/// The lawsuit window after reconsiderations (行政诉讼法第四十五条: 15 days from the reconsideration decision), for the
/// mutants that survived in <see cref="StatutoryClock.RemedyWindows"/>: the latest conclusion counts, and only a
/// reconsideration's.
/// </summary>
public class RemedyWindowTests
{
    private static ClockReading Read(CaseState s, string asOf) => StatutoryClock.Read(s, D(asOf), WorkingCalendar.BuiltIn, ClockSettings.Default);

    [Fact]
    public void After_two_reconsiderations_the_lawsuit_window_runs_15_days_from_the_later_conclusion()
    {
        var state = new CaseStream().Do(
            Receive("2023-03-10"), Answer("2023-03-20", Outcome.RefusedProcessInformation),
            new C.FileReconsideration("复-1", D("2023-03-25"), "区人民政府"),
            new C.FileReconsideration("复-2", D("2023-04-01"), "市人民政府"),
            new C.ConcludeReconsideration("复-2", D("2023-05-10"), AppealResult.Upheld),
            new C.ConcludeReconsideration("复-1", D("2023-04-20"), AppealResult.Upheld)).State;

        var reading = Read(state, "2023-05-12");

        // 2023-05-10 + 15 days = 05-25 (not 04-20 + 15 = 05-05); the reconsideration window stays 03-20 + 60 = 05-19.
        Assert.Equal((D("2023-05-19"), D("2023-05-25")), (reading.ReconsiderationWindowEnds, reading.LawsuitWindowEnds));
    }

    [Fact]
    public void A_concluded_lawsuit_does_not_shorten_the_lawsuit_window_as_a_reconsideration_would()
    {
        var state = new CaseStream().Do(
            Receive("2023-03-10"), Answer("2023-03-20", Outcome.RefusedProcessInformation),
            new C.FileLawsuit("诉-1", D("2023-04-03"), "区人民法院", false),
            new C.ConcludeLawsuit("诉-1", D("2023-06-01"), AppealResult.Other)).State;

        var reading = Read(state, "2023-06-05");

        // Six months from the decision (2023-09-20), not 06-01 + 15.
        Assert.Equal(D("2023-09-20"), reading.LawsuitWindowEnds);
    }
}

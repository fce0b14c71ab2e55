using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Reporting.Tests.Support;

/// <summary>
/// Random case histories from a seeded <see cref="Random"/>, every step a command the decider accepted (a refused
/// command is skipped, as a caseworker would be stopped). Cases run across year ends, into the pre-2019 years and
/// through every kind of ending, appeal and correction.
/// </summary>
public static class RandomHistories
{
    private static readonly string[] AgencyPool = [.. Agencies.Handling, Agencies.Bureau, Agencies.Outside];
    private static readonly Outcome[] Decisions = [.. Enum.GetValues<Outcome>().Where(o => o.IsDecision() && !o.IsLegacy())];
    private static readonly DateOnly First = new(2017, 6, 1);

    public static IReadOnlyList<CaseState> Generate(int seed, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => One(random, i))];
    }

    private static CaseState One(Random random, int i)
    {
        var received = First.AddDays(random.Next(0, 365 * 7 + 120));
        var type = (ApplicantType)random.Next(0, 6);
        var state = Cases.Apply(CaseState.Initial, Cases.Receive(Guid.NewGuid(), AgencyPool[random.Next(AgencyPool.Length)], received, type, $"R-{i}"));
        var day = received;
        DateOnly Later(int max) => day = day.AddDays(random.Next(1, max));

        if (random.Next(10) == 0)
        {
            state = Cases.TryApply(state, new CorrectApplicantType((ApplicantType)random.Next(0, 6), "登记错误", Later(30)));
        }

        if (random.Next(4) == 0)
        {
            var asked = Later(7);
            state = Cases.TryApply(state, new RequestSupplement(asked, "请明确所需信息", asked.AddDays(15)));
            state = Cases.TryApply(state, random.Next(3) == 0 ? new LapseSupplement(Later(40)) : new RecordSupplement(Later(40)));
        }

        if (random.Next(5) == 0)
        {
            state = Cases.TryApply(state, new Extend(Later(10), "负责人", "情形复杂", day));
        }

        if (random.Next(6) == 0)
        {
            state = Cases.TryApply(state, new IssueFeeNotice(Later(10), 50m, FeeMethod.PerVolume, day.AddDays(1)));
            state = Cases.TryApply(state, random.Next(2) == 0 ? new LapseFee(Later(40)) : new RecordFeePayment(Later(20)));
        }

        state = random.Next(10) switch
        {
            0 => state,
            1 => Cases.TryApply(state, new Withdraw(Later(120))),
            _ => Decide(state, random, Later(150)),
        };

        for (var a = random.Next(0, 3); a > 0 && state.IsClosed; a--)
        {
            var id = $"A{a}";
            var lawsuit = random.Next(2) == 0;
            state = Cases.TryApply(state, lawsuit ? new FileLawsuit(id, Later(200), "法院", random.Next(2) == 0) : new FileReconsideration(id, Later(200), "复议机关"));
            if (random.Next(3) > 0)
            {
                var result = (AppealResult)random.Next(0, 3);
                state = Cases.TryApply(state, lawsuit ? new ConcludeLawsuit(id, Later(300), result) : new ConcludeReconsideration(id, Later(300), result));
            }
        }

        return state;
    }

    private static CaseState Decide(CaseState state, Random random, DateOnly on)
    {
        var outcome = Decisions[random.Next(Decisions.Length)];
        var grounds = outcome == Outcome.PartiallyDisclosed ? new GroundList([Outcome.RefusedThirdPartyRights]) : GroundList.None;
        var decided = Cases.TryApply(state, new Answer(on, outcome, grounds, "答复", RepeatOf: outcome == Outcome.NotProcessedRepeat ? "原申请-001" : null));
        if (decided.IsClosed && random.Next(8) == 0)
        {
            var corrected = Decisions[random.Next(Decisions.Length)];
            var correctedGrounds = corrected == Outcome.PartiallyDisclosed ? new GroundList([Outcome.UnavailableNotHeld]) : GroundList.None;
            decided = Cases.TryApply(decided, new CorrectOutcome(corrected, correctedGrounds, "答复结果登记错误", on.AddDays(3),
                corrected == Outcome.NotProcessedRepeat ? "原申请-001" : null));
        }

        return decided;
    }
}

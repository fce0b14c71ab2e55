using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Domain.Cases;

public static partial class CaseDecider
{
    private const string Probe = "可办理环节试算";

    /// <summary>
    /// The milestone kinds the case accepts today (<see cref="CasePolicy.Today"/>): for each kind, a representative
    /// command dated today, well-formed in every field, is put to <see cref="Decide"/> itself, so a kind is offered
    /// exactly when the same rules would record it now (a repeat of a milestone already recorded records nothing).
    /// A kind acting on one consultation or appeal is offered when one of them accepts it. Corrections are tried with a value other than the present one.
    /// </summary>
    public static IReadOnlyList<MilestoneKind> Offered(CaseState state, CasePolicy policy)
    {
        var today = policy.Today ?? throw new ArgumentException("需要今天的日期（CasePolicy.Today）才能确定可办理的环节。", nameof(policy));
        if (!state.Exists)
        {
            return [];
        }

        // Which date is right is the caller's: a date correction is offered whenever the case exists (CheckCorrection).
        return Enum.GetValues<MilestoneKind>()
            .Where(kind => kind == MilestoneKind.CorrectDate || Probes(kind, state, today).Any(command => Records(command, state, policy)))
            .ToList();
    }

    /// <summary>Whether the command would record something: not refused, and not a repeat of a milestone already there.</summary>
    private static bool Records(CaseCommand command, CaseState state, CasePolicy policy)
    {
        try
        {
            return Decide(command, state, policy).Count > 0;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    private static IEnumerable<CaseCommand> Probes(MilestoneKind kind, CaseState s, DateOnly today)
    {
        var openConsultations = s.Consultations.Where(c => c.IsOpen).Select(c => c.Id);
        IEnumerable<string> Appeals(AppealKind k) => s.Appeals.Where(a => a.Kind == k && a.ConcludedOn is null).Select(a => a.Id);
        var freshConsultation = Fresh(s.Consultations.Select(c => c.Id));
        var freshAppeal = Fresh(s.Appeals.Select(a => a.Id));
        return kind switch
        {
            MilestoneKind.RequestSupplement => [new RequestSupplement(today, Probe, today)],
            MilestoneKind.RecordSupplement => [new RecordSupplement(today)],
            MilestoneKind.LapseSupplement => [new LapseSupplement(today)],
            MilestoneKind.StartConsultation => [new StartConsultation(freshConsultation, ConsultationKind.ThirdParty, Probe, today, today)],
            MilestoneKind.RecordConsultationAnswer => openConsultations.Select(id => new RecordConsultationAnswer(id, today)),
            MilestoneKind.LapseConsultation => openConsultations.Select(id => new LapseConsultation(id, today)),
            MilestoneKind.Extend => [new Extend(today, Probe, Probe, today)],
            MilestoneKind.IssueFeeNotice => [new IssueFeeNotice(today, 1m, FeeMethod.PerItem, today)],
            MilestoneKind.RecordFeePayment => [new RecordFeePayment(today)],
            MilestoneKind.LapseFee => [new LapseFee(today)],
            MilestoneKind.WaiveFee => [new WaiveFee(today, Probe)],
            MilestoneKind.DecidePublicInterestDisclosure => s.Consultations.Where(c => c.Objected)
                .Select(c => new DecidePublicInterestDisclosure(c.Id, today, Probe, today)),
            MilestoneKind.RequestReasons => [new RequestReasons(today)],
            MilestoneKind.SetDelayedAnswerDate => [new SetDelayedAnswerDate(today, today.AddDays(1), today)],
            MilestoneKind.Answer => [new Answer(today, Outcome.DisclosedProvided, GroundList.None, "")],
            MilestoneKind.Withdraw => [new Withdraw(today)],
            MilestoneKind.FileReconsideration => [new FileReconsideration(freshAppeal, today, Probe)],
            MilestoneKind.ConcludeReconsideration => Appeals(AppealKind.Reconsideration)
                .Select(id => new ConcludeReconsideration(id, today, AppealResult.Upheld)),
            MilestoneKind.FileLawsuit => [new FileLawsuit(freshAppeal, today, Probe, false)],
            MilestoneKind.ConcludeLawsuit => Appeals(AppealKind.Lawsuit).Select(id => new ConcludeLawsuit(id, today, AppealResult.Upheld)),

            MilestoneKind.CorrectOutcome => s.Closure is { } c && s.History.First(m => m.Number == c.Milestone).Event is CaseEvent.Decided d
                ? [new CorrectOutcome(d.Outcome == Outcome.DisclosedProvided ? Outcome.DisclosedProactivelyPublished : Outcome.DisclosedProvided,
                    GroundList.None, Probe, today)]
                : [],
            MilestoneKind.CorrectApplicantType =>
                [new CorrectApplicantType(
                    s.Receipt!.ApplicantType == ApplicantType.NaturalPerson ? ApplicantType.OtherOrganization : ApplicantType.NaturalPerson, Probe, today)],
            _ => [],
        };
    }

    private static string Fresh(IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(1, used.Count + 1).Select(i => $"probe-{i}").First(id => !used.Contains(id));
    }
}

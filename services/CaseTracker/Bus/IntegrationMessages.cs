using CaseTracker.Contracts;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Bus;

/// <summary>
/// The one mapping from the case stream to the bus: domain events never go on the wire, these messages do. The message
/// id is the domain event's id, so a republished event is recognisably the same message.
/// </summary>
public static class IntegrationMessages
{
    /// <summary>Whether <see cref="From"/> can map the event at all (the outbox folds the case only for these).</summary>
    public static bool Concerns(CaseEvent @event) =>
        @event is Decided or Withdrawn or SupplementLapsed or FeeLapsed or OutcomeCorrected or DateCorrected;

    /// <param name="after">The case with <paramref name="event"/> applied.</param>
    public static IReadOnlyList<object> From(Guid eventId, CaseEvent @event, CaseState after)
    {
        if (after is not { Receipt: { } receipt, Closure: { } closure })
        {
            return [];
        }

        var code = closure.Outcome.Info().Row2021;
        var kind = ClosureKind(after.History.First(m => m.Number == closure.Milestone).Event);
        return @event switch
        {
            Decided or Withdrawn or SupplementLapsed or FeeLapsed =>
                [new CaseDecidedV1(eventId, receipt.CaseId, receipt.Agency, receipt.CaseNumber, receipt.On, closure.On, code, kind)],
            OutcomeCorrected c => [new CaseCorrectedV1(eventId, receipt.CaseId, receipt.On, closure.On, code, kind, c.Reason)],
            DateCorrected c when c.Milestone == 0 || c.Milestone == closure.Milestone =>
                [new CaseCorrectedV1(eventId, receipt.CaseId, receipt.On, closure.On, code, kind, c.Reason)],
            _ => [],
        };
    }

    private static string ClosureKind(CaseEvent closing) => closing switch
    {
        Withdrawn => ClosureKinds.Withdrawn,
        SupplementLapsed => ClosureKinds.SupplementLapsed,
        FeeLapsed => ClosureKinds.FeeLapsed,
        _ => ClosureKinds.Decided,
    };
}

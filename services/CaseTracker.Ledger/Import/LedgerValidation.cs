using CaseTracker.Domain.Cases;

namespace CaseTracker.Ledger.Import;

/// <summary>
/// Runs a row's commands through the real decider, so that a ledger cannot create a history the live product would
/// refuse (spec ledger.md). The decider's refusal becomes the row's error, on the column that caused it.
/// </summary>
internal static class LedgerValidation
{
    public static LedgerProblem? Check(int row, IReadOnlyList<LedgerStep> steps, CasePolicy policy)
    {
        var state = CaseState.Initial;
        foreach (var step in steps)
        {
            try
            {
                foreach (var @event in CaseDecider.Decide(step.Command, state, policy))
                {
                    state = CaseDecider.Evolve(state, @event);
                }
            }
            catch (DomainException refusal)
            {
                return new LedgerProblem(row, ColumnOf(refusal.Rule, step), refusal.Message);
            }
        }

        return null;
    }

    /// <summary>The column to blame: the step's own, unless the rule points at another one.</summary>
    public static string ColumnOf(string rule, LedgerStep step) => rule switch
    {
        "supplement.period_before_notice" => LedgerColumns.SupplementDue,
        "decision.supplement_pending" => LedgerColumns.SupplementReceivedOn,
        "supplement.lapse_without_request" or "fee.no_notice" when step.Command is CaseCommand.LapseSupplement or CaseCommand.LapseFee => LedgerColumns.Detail,
        "decision.before_receipt" or "date.before_receipt" or "case.closed" => step.Column,
        _ when rule.StartsWith("decision.", StringComparison.Ordinal) => LedgerColumns.Detail,
        _ => step.Column,
    };
}

using CaseTracker.Domain.Cases;

namespace CaseTracker.Ledger.Import;

/// <summary>The commands of a planned case that its stored history lacks, or why the ledger contradicts that history.</summary>
/// <param name="Events">What <paramref name="Commands"/> decided on the stored case, in order: the events to append.</param>
public sealed record LedgerDelta(IReadOnlyList<CaseCommand> Commands, IReadOnlyList<CaseEvent> Events, IReadOnlyList<LedgerProblem> Problems);

/// <summary>
/// Importing the same ledger again changes nothing; later milestones of a known case are appended (spec ledger.md).
/// A milestone the case already has is skipped: identical ones by the decider's own idempotency (a repeated command
/// returns no events), and ones entered live with details the ledger does not carry (supplement items, consultation
/// party, fee amount, approver) by matching the milestone and its date.
/// </summary>
public static class LedgerIncrement
{
    public static LedgerDelta NewCommands(PlannedCase planned, CaseState existing, CasePolicy policy)
    {
        var state = existing;
        var commands = new List<CaseCommand>();
        var decided = new List<CaseEvent>();
        foreach (var step in planned.Steps)
        {
            var (command, conflict) = LedgerMatching.Remaining(step.Command, state);
            if (conflict is not null)
            {
                return Refused(planned.Row, step.Column, conflict);
            }

            if (command is null)
            {
                continue;
            }

            try
            {
                var events = CaseDecider.Decide(command, state, policy);
                if (events.Count > 0)
                {
                    commands.Add(command);
                    decided.AddRange(events);
                    state = events.Aggregate(state, CaseDecider.Evolve);
                }
            }
            catch (DomainException refusal)
            {
                return Refused(planned.Row, LedgerValidation.ColumnOf(refusal.Rule, step), $"与系统中已有的办理记录不一致：{refusal.Message}");
            }
        }

        return new LedgerDelta(commands, decided, []);
    }

    private static LedgerDelta Refused(int row, string column, string reason) => new([], [], [new LedgerProblem(row, column, reason)]);
}

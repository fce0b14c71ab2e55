using CaseTracker.Domain.Cases;

namespace CaseTracker.Reporting.Tests.Support;

/// <summary>Runs commands through the decider, as the product does: Decide, then Evolve with what it decided.</summary>
public static class Cases
{
    public static CaseState Run(IEnumerable<CaseCommand> commands) => commands.Aggregate(CaseState.Initial, Apply);

    public static CaseState Apply(CaseState state, CaseCommand command) =>
        CaseDecider.Decide(command, state, CasePolicy.Default).Aggregate(state, CaseDecider.Evolve);

    /// <summary>Applies a command if the decider accepts it; a refused command leaves the case as it was.</summary>
    public static CaseState TryApply(CaseState state, CaseCommand command)
    {
        try
        {
            return Apply(state, command);
        }
        catch (DomainException)
        {
            return state;
        }
    }

    public static CaseCommand.Receive Receive(Guid id, string agency, DateOnly on, ApplicantType type, string number) =>
        new(id, agency, number, on, Channel.Online, type, null, "某政府信息", "电子");
}

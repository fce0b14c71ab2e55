using CaseTracker.Domain.Cases;

namespace CaseTracker.Domain.Tests.Support;

/// <summary>A case's event stream built the way the product builds it: every command through the decider, events appended.</summary>
public sealed class CaseStream(CasePolicy policy)
{
    private readonly List<CaseEvent> _events = [];

    public CaseStream()
        : this(CasePolicy.Default)
    {
    }

    public IReadOnlyList<CaseEvent> Events => _events;

    public CaseState State { get; private set; } = CaseState.Initial;

    public CaseStream Do(params CaseCommand[] commands)
    {
        foreach (var command in commands)
        {
            var events = CaseDecider.Decide(command, State, policy);
            _events.AddRange(events);
            State = events.Aggregate(State, CaseDecider.Evolve);
        }

        return this;
    }
}

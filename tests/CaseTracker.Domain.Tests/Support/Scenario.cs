using System.Text.RegularExpressions;
using CaseTracker.Domain.Cases;

namespace CaseTracker.Domain.Tests.Support;

/// <summary>Given a history, when a command is decided, then these events or this refusal. No mocks: the real decider.</summary>
public sealed partial class Scenario
{
    private readonly CaseEvent[] _history;
    private readonly CaseCommand? _command;
    private readonly CasePolicy _policy;

    private Scenario(CaseEvent[] history, CaseCommand? command, CasePolicy policy)
    {
        _history = history;
        _command = command;
        _policy = policy;
    }

    public static Scenario Given(params CaseEvent[] history) => new(history, null, CasePolicy.Default);

    public Scenario With(CasePolicy policy) => new(_history, _command, policy);

    public Scenario When(CaseCommand command) => new(_history, command, _policy);

    public CaseCommand Command => _command ?? throw new InvalidOperationException("When(...) was not called.");

    public void Then(params CaseEvent[] expected) => Assert.Equal(expected, Decide());

    public void ThenRefused(string rule)
    {
        var error = Assert.Throws<DomainException>(() => Decide());
        Assert.Equal(rule, error.Rule);
        AssertChinese(error.Message);
    }

    public static void AssertChinese(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Matches(Han(), message);
    }

    private IReadOnlyList<CaseEvent> Decide() => CaseDecider.Decide(Command, CaseDecider.Fold(_history), _policy);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}

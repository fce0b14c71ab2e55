using CaseTracker.Bus;
using CaseTracker.Contracts;
using CaseTracker.Domain.Cases;

namespace CaseTracker.Tests.Bus;

/// <summary>How <see cref="AppealConsumer"/> reads a result's Chinese name (no broker, no store).</summary>
public sealed class AppealResultNameTests
{
    [Theory]
    [InlineData("维持", AppealResult.Upheld)]
    [InlineData("纠正", AppealResult.Corrected)]
    [InlineData("其他", AppealResult.Other)]
    public void Results_are_read_from_their_Chinese_names(string name, AppealResult expected) =>
        Assert.Equal(expected, AppealConsumer.ParseResult(name));

    [Fact]
    public void An_unknown_result_is_unreadable_rather_than_guessed() =>
        Assert.Throws<UnreadableMessageException>(() => AppealConsumer.ParseResult("驳回"));
}

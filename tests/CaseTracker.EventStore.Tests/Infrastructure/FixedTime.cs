namespace CaseTracker.EventStore.Tests.Infrastructure;

/// <summary>A clock that says what the test sets.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

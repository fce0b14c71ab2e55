namespace CaseTracker.EventStore;

/// <summary>
/// What the writer believes the stream's version is. A stream's version is the number of events in it, so the
/// version of the n-th event is n and <c>Exact(CaseState.Version)</c> is what a command handler passes.
/// </summary>
public readonly record struct ExpectedVersion
{
    private ExpectedVersion(long value) => Value = value;

    /// <summary>The stream must not exist yet (no events).</summary>
    public static ExpectedVersion NoStream { get; } = new(0);

    /// <summary>No check.</summary>
    public static ExpectedVersion Any { get; } = new(-1);

    /// <summary>-1 for <see cref="Any"/>, otherwise the expected number of events.</summary>
    public long Value { get; }

    public bool IsAny => Value < 0;

    public static ExpectedVersion Exact(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), "流版本不能为负数");

    public bool Accepts(long actual) => IsAny || actual == Value;

    public override string ToString() => IsAny ? "Any" : Value == 0 ? "NoStream" : $"Exact({Value})";
}

/// <summary>The outcome of an append: written (or already there), or a version conflict.</summary>
public abstract record AppendResult
{
    private AppendResult()
    {
    }

    /// <param name="StreamVersion">The stream's version after the append: pass it as the next expected version.</param>
    /// <param name="Written">How many events were new (0 when all were already in the stream).</param>
    public sealed record Appended(long StreamVersion, LogPosition? LastPosition, int Written) : AppendResult;

    public sealed record Conflict(string StreamId, ExpectedVersion Expected, long ActualVersion) : AppendResult
    {
        public string Message => $"案件已被他人修改：期望版本 {Expected}，实际版本 {ActualVersion}，请刷新后重试";
    }
}

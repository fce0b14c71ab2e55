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

/// <summary>The outcome of an append: written (or already there), a version conflict, or a claim held by another stream.</summary>
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

    /// <summary>
    /// A claim of the append is held by another stream (or claimed by two streams of one batch): nothing was written.
    /// </summary>
    /// <param name="StreamId">The stream whose append claimed it.</param>
    /// <param name="HolderStreamId">The stream that holds it (in a batch: the earlier stream claiming it).</param>
    public sealed record Duplicate(UniqueClaim Claim, string StreamId, string HolderStreamId) : AppendResult
    {
        public string Message => $"唯一键已被占用：{Claim.Scope}“{Claim.Key.Replace('\u001f', '/')}”属于流 {HolderStreamId}，流 {StreamId} 不能再占用，未写入任何事件";
    }
}

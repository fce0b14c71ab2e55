using CaseTracker.Domain.Cases;

namespace CaseTracker.EventStore;

/// <summary>
/// The event store port: the system of record for case streams. Adapters: <c>Sqlite/</c> (embedded default) and
/// <c>Postgres/</c>. Shaped after EventStoreDB/KurrentDB (expected versions, idempotent event ids, a global log with
/// a two-part position, catch-up subscriptions) so that an adapter for it fits without changing callers.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends all of <paramref name="events"/> or none. A version mismatch is a <see cref="AppendResult.Conflict"/>;
    /// events whose id is already in the stream are skipped (a retried append is a no-op).
    /// </summary>
    Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, CancellationToken ct = default);

    /// <summary>
    /// Appends to several streams in one transaction (an import, a data set): all of them or none. The first version
    /// conflict is returned and nothing is written; <see cref="AppendResult.Appended.StreamVersion"/> is 0 and
    /// <see cref="AppendResult.Appended.Written"/> counts the new events of all streams.
    /// </summary>
    Task<AppendResult> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default);

    /// <summary>
    /// Reads a stream. Forwards starts at version <paramref name="from"/> (1 = the first event) going up; backwards
    /// starts at version <paramref name="from"/> (<see cref="long.MaxValue"/> = the end) going down.
    /// </summary>
    Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, ReadDirection direction, long from, int maxCount, CancellationToken ct = default);

    /// <summary>Reads the global log after a position, in log order.</summary>
    Task<IReadOnlyList<EventEnvelope>> ReadAllAsync(LogPosition after, int maxCount, CancellationToken ct = default);

    /// <summary>
    /// Catches up from <paramref name="after"/>, then waits for new events; yields pages in log order, never skipping
    /// an event. Runs until <paramref name="ct"/> is cancelled.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<EventEnvelope>> SubscribeToAllAsync(LogPosition after, CancellationToken ct);

    /// <summary>How many events follow a position (a subscriber's lag).</summary>
    Task<long> CountAfterAsync(LogPosition after, CancellationToken ct = default);

    /// <summary>
    /// Crypto-shredding (个人信息保护法第四十七条: deletion): destroys the subject's key. Events stay readable; their
    /// personal data reads as <see cref="PersonalData.Erased"/>. Returns whether a key existed.
    /// </summary>
    Task<bool> ErasePersonalDataAsync(Guid subjectId, CancellationToken ct = default);
}

/// <summary>Durable positions of named subscribers.</summary>
public interface ICheckpointStore
{
    Task<LogPosition> LoadCheckpointAsync(string name, CancellationToken ct = default);

    Task SaveCheckpointAsync(string name, LogPosition position, CancellationToken ct = default);
}

public enum ReadDirection
{
    Forwards,
    Backwards,
}

public static class EventStoreExtensions
{
    public static Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(this IEventStore store, string streamId, CancellationToken ct = default) =>
        store.ReadStreamAsync(streamId, ReadDirection.Forwards, 1, int.MaxValue, ct);

    public static async Task<CaseState> LoadCaseAsync(this IEventStore store, Guid caseId, CancellationToken ct = default) =>
        CaseDecider.Fold((await store.ReadStreamAsync(CaseStreams.For(caseId), ct)).Select(e => e.Event));
}

public static class CaseStreams
{
    public static string For(Guid caseId) => $"case-{caseId:N}";
}

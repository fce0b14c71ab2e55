using CaseTracker.Domain.Cases;

namespace CaseTracker.EventStore;

/// <summary>
/// The event store port: the system of record for case streams. Adapters: <c>Sqlite/</c> (embedded default) and
/// <c>Postgres/</c>. Shaped after EventStoreDB/KurrentDB (expected versions, idempotent event ids, a global log with
/// a two-part position, catch-up subscriptions) so that an adapter for it fits without changing callers.
/// </summary>
/// <remarks>
/// <para>
/// Unique claims (<see cref="UniqueClaim"/>): an append may carry claims, keys within a scope that one stream holds for
/// good (a case's 编号 within its agency: <c>("case-number", agency + "\u001f" + number)</c>). The store enforces them,
/// not the callers' checks: a claim is taken in the same transaction as the append's events; a claim held by another
/// stream refuses the whole append with <see cref="AppendResult.Duplicate"/> and nothing is written; a stream taking a
/// claim it already holds is fine (a retried append stays a no-op). Of writers racing for one claim, exactly one wins.
/// Claims are taken only by an append that writes events (an append whose events are all stored already writes
/// nothing, claims included). Claims are never released.
/// </para>
/// <para>
/// The SQL adapters keep a table <c>unique_claims</c> keyed by (scope, key) holding the stream id. An
/// EventStoreDB/KurrentDB adapter would keep one reservation stream per claim (e.g. <c>claim-{scope}-{hash of key}</c>)
/// whose first event names the holder: written with <c>StreamState.NoStream</c> before the events; "wrong expected
/// version" there means reading the holder: the same stream is a retry, another is the <see cref="AppendResult.Duplicate"/>.
/// That database has no transaction across streams, so a reservation whose events never followed (a crash in between)
/// stays with its stream, which a retry of the same append completes.
/// </para>
/// </remarks>
public interface IEventStore
{
    /// <summary>
    /// Appends all of <paramref name="events"/> or none. A version mismatch is a <see cref="AppendResult.Conflict"/>;
    /// events whose id is already in the stream are skipped (a retried append is a no-op).
    /// </summary>
    Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, CancellationToken ct = default);

    /// <summary>
    /// <see cref="AppendAsync(string, ExpectedVersion, IReadOnlyList{NewEvent}, CancellationToken)"/> taking
    /// <paramref name="claims"/> with the events (see the remarks of <see cref="IEventStore"/>): a claim held by another
    /// stream is a <see cref="AppendResult.Duplicate"/> and nothing is written. A version conflict is decided first.
    /// </summary>
    Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, IReadOnlyList<UniqueClaim> claims, CancellationToken ct = default);

    /// <summary>
    /// Appends to several streams in one transaction (an import, a data set): all of them or none. The first version
    /// conflict is returned and nothing is written; <see cref="AppendResult.Appended.StreamVersion"/> is 0 and
    /// <see cref="AppendResult.Appended.Written"/> counts the new events of all streams. Each stream's
    /// <see cref="StreamAppend.Claims"/> are taken with the events: a claim held by another stream, or claimed by two
    /// streams of the batch, is a <see cref="AppendResult.Duplicate"/> and nothing of the batch is written.
    /// </summary>
    Task<AppendResult> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default);

    /// <summary>
    /// Reads a stream. Forwards starts at version <paramref name="from"/> (1 = the first event) going up; backwards
    /// starts at version <paramref name="from"/> (<see cref="long.MaxValue"/> = the end) going down.
    /// </summary>
    Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, ReadDirection direction, long from, int maxCount, CancellationToken ct = default);

    /// <summary>
    /// Every claim of a scope with the stream that holds it (key → stream id): lets a bulk writer (an import) name a
    /// refused row before writing. An EventStoreDB adapter would read the scope's reservation streams.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> ClaimsAsync(string scope, CancellationToken ct = default);

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

/// <summary>
/// A key that one stream holds within a scope, taken with an append (see the remarks of <see cref="IEventStore"/>).
/// Compared exactly (ordinal): normalise the key (trim) before claiming.
/// </summary>
public sealed record UniqueClaim(string Scope, string Key)
{
    /// <summary>The scope of case numbers: a case's 编号 is unique within its agency.</summary>
    public const string CaseNumberScope = "case-number";

    /// <summary>The claim of a case's 编号 within its agency, trimmed as the decider stores both.</summary>
    public static UniqueClaim CaseNumber(string agency, string caseNumber) => new(CaseNumberScope, $"{agency.Trim()}\u001f{caseNumber.Trim()}");

    /// <summary>The claim of the case a <see cref="CaseEvent.Received"/> opens.</summary>
    public static UniqueClaim For(CaseEvent.Received received) => CaseNumber(received.Agency, received.CaseNumber);

    /// <summary>The claims of a list of new events: the case number of the <see cref="CaseEvent.Received"/> among them, if any.</summary>
    public static IReadOnlyList<UniqueClaim> Of(IEnumerable<CaseEvent> events) => events.OfType<CaseEvent.Received>().Select(For).Distinct().ToList();

    /// <summary>For a case-number claim, the agency and the number (split at the separator).</summary>
    public (string Agency, string Number)? AsCaseNumber() =>
        Scope == CaseNumberScope && Key.IndexOf('\u001f', StringComparison.Ordinal) is var at and >= 0 ? (Key[..at], Key[(at + 1)..]) : null;
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

    /// <summary>The case of a case stream's id; null for another stream.</summary>
    public static Guid? CaseIdOf(string streamId) =>
        streamId.StartsWith("case-", StringComparison.Ordinal) && Guid.TryParseExact(streamId[5..], "N", out var id) ? id : null;
}

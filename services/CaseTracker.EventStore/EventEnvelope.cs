using CaseTracker.Domain.Cases;

namespace CaseTracker.EventStore;

/// <summary>Who and why: travels with every event of one append.</summary>
/// <param name="Extra">Free metadata, e.g. <c>import.file</c> and <c>import.row</c>.</param>
public sealed record EventMetadata(string Actor, Guid CorrelationId, Guid? CausationId = null, IReadOnlyDictionary<string, string>? Extra = null)
{
    public IReadOnlyDictionary<string, string> ExtraOrEmpty => Extra ?? new Dictionary<string, string>();
}

/// <summary>One stream's part of an <see cref="IEventStore.AppendManyAsync"/>, with the claims it takes (none when null).</summary>
public sealed record StreamAppend(string StreamId, ExpectedVersion Expected, IReadOnlyList<NewEvent> Events, IReadOnlyList<UniqueClaim>? Claims = null)
{
    public IReadOnlyList<UniqueClaim> ClaimsOrEmpty => Claims ?? [];
}

/// <summary>An event to append. The id makes retries idempotent.</summary>
public sealed record NewEvent(Guid EventId, CaseEvent Event, EventMetadata Metadata)
{
    /// <summary>
    /// A new event id: time-ordered (UUID version 7), so that each new event's id goes at the end of the event-id index
    /// (one hot page) instead of at a random page of an index that outgrows memory.
    /// </summary>
    public static Guid NewId() => Guid.CreateVersion7();
}

/// <summary>A stored event with its envelope. <see cref="SchemaVersion"/> is the version as stored, before upcasting.</summary>
public sealed record EventEnvelope(
    Guid EventId,
    string StreamId,
    long StreamVersion,
    LogPosition Position,
    string TypeName,
    int SchemaVersion,
    DateOnly BusinessDate,
    DateTimeOffset RecordedAt,
    string Actor,
    Guid CorrelationId,
    Guid? CausationId,
    IReadOnlyDictionary<string, string> Metadata,
    CaseEvent Event);

using CaseTracker.EventStore;

namespace CaseTracker.Pipeline;

/// <summary>Who is asking, and the correlation of what they set off. One per request (scoped).</summary>
public sealed class RequestContext
{
    public string Actor { get; set; } = "system";

    public Guid CorrelationId { get; set; } = Guid.NewGuid();

    public Guid? CausationId { get; set; }

    public Access Access { get; set; } = Access.System;

    /// <summary>Free metadata for the events of this request, e.g. the import file and row.</summary>
    public Dictionary<string, string> Extra { get; } = [];

    public EventMetadata Metadata(IReadOnlyDictionary<string, string>? extra = null) =>
        new(Actor, CorrelationId, CausationId, extra is null ? new Dictionary<string, string>(Extra) : Extra.Concat(extra).ToDictionary());
}

using System.Diagnostics;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using Mediator;

namespace CaseTracker.Cases;

/// <summary>Any milestone on a case, from a form, the API, an import row or a bus message.</summary>
public sealed record RecordMilestone(Guid CaseId, CaseCommand Command, long? ExpectedVersion = null) : ICommand<CaseChange>, ICaseChange
{
    public string? NewCaseAgency => (Command as CaseCommand.Receive)?.Agency;

    /// <summary>
    /// The stream as the caller has just read it (the API reads it once for the access check): used instead of reading it
    /// again when it is at <see cref="ExpectedVersion"/> (a stale copy then fails the append as a conflict, never retried).
    /// </summary>
    public IReadOnlyList<EventEnvelope>? Loaded { get; init; }
}

/// <param name="Version">The stream version after the command: the ETag of the case.</param>
public sealed record CaseChange(Guid CaseId, long Version, IReadOnlyList<CaseEvent> Events, CaseState State);

/// <summary>Load, decide, append (a new case claims its 编号 within its agency). Everything else is a pipeline behavior.</summary>
public sealed class RecordMilestoneHandler(IEventStore store, CasePolicy policy, RequestContext context)
    : ICommandHandler<RecordMilestone, CaseChange>
{
    public async ValueTask<CaseChange> Handle(RecordMilestone request, CancellationToken cancellationToken)
    {
        var stream = CaseStreams.For(request.CaseId);
        var history = request is { Loaded: { Count: > 0 } loaded, ExpectedVersion: { } at } && loaded[^1].StreamVersion == at
            ? loaded
            : await store.ReadStreamAsync(stream, cancellationToken);
        var version = history.Count == 0 ? 0 : history[^1].StreamVersion;
        if (request.ExpectedVersion is { } expected && expected != version)
        {
            throw new VersionConflictException(request.CaseId, expected, version);
        }

        var state = CaseDecider.Fold(history.Select(e => e.Event));
        if (request.Command is not CaseCommand.Receive && !state.Exists)
        {
            throw new NotFoundException("案件不存在。");
        }

        var events = CaseDecider.Decide(request.Command, state, policy);
        if (events.Count == 0)
        {
            return new CaseChange(request.CaseId, version, events, state);
        }

        var metadata = context.Metadata();
        var started = Stopwatch.GetTimestamp();
        var result = await store.AppendAsync(
            stream,
            version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(version),
            events.Select(e => new NewEvent(NewEvent.NewId(), e, metadata)).ToList(),
            UniqueClaim.Of(events),
            cancellationToken);
        Telemetry.AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result switch
        {
            AppendResult.Appended appended => new CaseChange(request.CaseId, appended.StreamVersion, events, events.Aggregate(state, CaseDecider.Evolve)),
            AppendResult.Conflict conflict => throw new VersionConflictException(request.CaseId, version, conflict.ActualVersion),
            AppendResult.Duplicate duplicate => throw CaseNumberTaken.Refusal(duplicate),
            _ => throw new UnreachableException(),
        };
    }
}

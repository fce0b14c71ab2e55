using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels.CaseList;

namespace CaseTracker.Cases;

/// <summary>A case read straight from its stream (never stale): the envelopes for the timeline, the folded state, the version.</summary>
public sealed record CaseFile(Guid CaseId, IReadOnlyList<EventEnvelope> Events, CaseState State)
{
    /// <summary>The stream version: the ETag of the case and the expected version of the next change.</summary>
    public long Version => Events[^1].StreamVersion;

    public string Agency => State.Receipt!.Agency;

    /// <summary>
    /// The number of the milestone an event recorded: the count of events before it in the stream, the number
    /// <see cref="Milestone.Number"/>, the correction form and the refusals use (0 = the receipt).
    /// </summary>
    public static long MilestoneNumber(EventEnvelope e) => e.StreamVersion - 1;

    public static async Task<CaseFile> LoadAsync(IEventStore store, Guid caseId, Access access, CancellationToken ct)
    {
        var events = await store.ReadStreamAsync(CaseStreams.For(caseId), ct);
        var state = CaseDecider.Fold(events.Select(e => e.Event));
        if (!state.Exists)
        {
            throw new NotFoundException("案件不存在。");
        }

        return access.CanSee(state.Receipt!.Agency)
            ? new CaseFile(caseId, events, state)
            : throw new ForbiddenException($"您无权查看“{state.Receipt.Agency}”的案件。");
    }

    /// <summary>This file with the events appended to its stream since it was read (read from its version on, not from the start).</summary>
    public async Task<CaseFile> WithNewEventsAsync(IEventStore store, CancellationToken ct)
    {
        var newer = await store.ReadStreamAsync(CaseStreams.For(CaseId), ReadDirection.Forwards, Version + 1, int.MaxValue, ct);
        return newer.Count == 0 ? this : new CaseFile(CaseId, [.. Events, .. newer], newer.Aggregate(State, (s, e) => CaseDecider.Evolve(s, e.Event)));
    }

    /// <summary>Read-your-writes for pages that list from the read model: waits (briefly) until the case list has the change.</summary>
    public static async Task WaitForReadModelAsync(CaseListQueries caseList, Guid caseId, long version, CancellationToken ct)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await caseList.FindAsync(caseId, ct))?.LastVersion >= version)
            {
                return;
            }

            await Task.Delay(20, ct);
        }
    }
}

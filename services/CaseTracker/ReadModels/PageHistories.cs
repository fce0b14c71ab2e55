using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;

namespace CaseTracker.ReadModels;

/// <summary>
/// A case's state as of one of its events in a page of the log, folded from the page itself when the page holds the
/// whole stream up to that event (an imported or new case: its events sit together in the log), else from the stream
/// read back from the store. Spares a per-case read of the stream for most of an import's pages.
/// </summary>
internal sealed class PageHistories
{
    private readonly Dictionary<string, List<EventEnvelope>> _byStream = new(StringComparer.Ordinal);

    /// <param name="wanted">The streams asked about (<see cref="StateAsOfAsync"/>): only their events are kept.</param>
    public PageHistories(IReadOnlyList<EventEnvelope> page, Predicate<string> wanted)
    {
        foreach (var envelope in page)
        {
            if (!wanted(envelope.StreamId))
            {
                continue;
            }

            if (!_byStream.TryGetValue(envelope.StreamId, out var events))
            {
                _byStream[envelope.StreamId] = events = [];
            }

            events.Add(envelope);
        }
    }

    public async Task<CaseState> StateAsOfAsync(EventEnvelope last, IEventStore store, CancellationToken ct)
    {
        var inPage = _byStream[last.StreamId].Where(e => e.StreamVersion <= last.StreamVersion).ToList();
        var whole = inPage.Count == last.StreamVersion && inPage.Select((e, i) => e.StreamVersion == i + 1).All(b => b);
        var history = whole ? inPage : await store.ReadStreamAsync(last.StreamId, ReadDirection.Forwards, 1, (int)last.StreamVersion, ct);
        return CaseDecider.Fold(history.Select(e => e.Event));
    }
}

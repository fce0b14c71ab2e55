using System.Diagnostics;
using CaseTracker.Benchmarks.SpeedStore;
using CaseTracker.EventStore;

namespace CaseTracker.Benchmarks.SpeedAppend;

/// <summary>The store, with the wall and CPU time spent inside <see cref="IEventStore.AppendManyAsync"/> added up (the import's share of the store).</summary>
internal sealed class TimedStore(IEventStore store) : IEventStore
{
    public TimeSpan AppendManyTime { get; private set; }

    public TimeSpan AppendManyCpu { get; private set; }

    public async Task<AppendResult> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        var before = ProcessIo.Now();
        var watch = Stopwatch.StartNew();
        var result = await store.AppendManyAsync(appends, ct);
        AppendManyTime += watch.Elapsed;
        AppendManyCpu += (ProcessIo.Now() - before).Cpu;
        return result;
    }

    public Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, CancellationToken ct = default) =>
        store.AppendAsync(streamId, expected, events, ct);

    public Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, IReadOnlyList<UniqueClaim> claims, CancellationToken ct = default) =>
        store.AppendAsync(streamId, expected, events, claims, ct);

    public Task<IReadOnlyList<EventEnvelope>> ReadStreamAsync(string streamId, ReadDirection direction, long from, int maxCount, CancellationToken ct = default) =>
        store.ReadStreamAsync(streamId, direction, from, maxCount, ct);

    public Task<IReadOnlyDictionary<string, string>> ClaimsAsync(string scope, CancellationToken ct = default) => store.ClaimsAsync(scope, ct);

    public Task<IReadOnlyList<EventEnvelope>> ReadAllAsync(LogPosition after, int maxCount, CancellationToken ct = default) => store.ReadAllAsync(after, maxCount, ct);

    public IAsyncEnumerable<IReadOnlyList<EventEnvelope>> SubscribeToAllAsync(LogPosition after, CancellationToken ct) => store.SubscribeToAllAsync(after, ct);

    public Task<long> CountAfterAsync(LogPosition after, CancellationToken ct = default) => store.CountAfterAsync(after, ct);

    public Task<bool> ErasePersonalDataAsync(Guid subjectId, CancellationToken ct = default) => store.ErasePersonalDataAsync(subjectId, ct);
}

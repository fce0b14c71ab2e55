using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using CaseTracker.EventStore.Projections;

namespace CaseTracker.ReadModels;

/// <summary>
/// Answers computed from read models, remembered until the read models move (issue 14: at 100,000 open cases the
/// dashboard's counts and the case list's total cost hundreds of milliseconds each, asked 50 times a second over the
/// same rows). An answer is kept under its key with a stamp: the checkpoints of the projections it reads, as they stood
/// before it was computed, and this process's <see cref="Invalidate"/> generation. The next request reads the
/// checkpoints again (one small query) and reuses the answer only when the stamp is the same; anything else the answer
/// depends on (the business day, the calendar, the agencies in scope) belongs in the key. Concurrent requests for the
/// same key and stamp share one computation.
/// </summary>
public sealed class ReadModelCache(IReadModelDatabase database)
{
    /// <summary>Beyond this many keys the cache starts afresh (keys are few: scopes × a handful of queries).</summary>
    public const int MaxEntries = 512;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    private static readonly ConditionalWeakTable<object, object> Identities = new();
    private static long _identities;

    private sealed record Entry(string Stamp, Task<object?> Value);

    /// <summary>A number for an object (a calendar) unique in this process as long as it lives, for a key.</summary>
    public static long Identity(object value) =>
        (long)Identities.GetValue(value, _ => Interlocked.Increment(ref _identities));

    /// <summary>
    /// Forgets every answer: for writes to read models that do not move a checkpoint (the open cases' deadlines refreshed
    /// after a holiday notice, <c>ReadModelSet.RefreshOpenDeadlinesAsync</c>).
    /// </summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>The stamp of <paramref name="projections"/> now: their checkpoints and the generation.</summary>
    public async Task<string> StampAsync(IReadOnlyList<string> projections, CancellationToken ct)
    {
        var generation = Interlocked.Read(ref _generation);
        await using var connection = await database.OpenConnectionAsync(ct);
        var parts = new List<string>(projections.Count + 1) { generation.ToString(CultureInfo.InvariantCulture) };
        foreach (var name in projections)
        {
            var position = await database.LoadCheckpointAsync(connection, null, name, ct);
            parts.Add($"{position.Commit}.{position.Prepare}");
        }

        return string.Join('/', parts);
    }

    /// <summary>
    /// The answer kept under <paramref name="key"/> when the projections have not moved since it was computed; else
    /// computes it (once for all requests waiting on the same key and stamp) and keeps it. A failed computation is not kept.
    /// </summary>
    public async Task<T> GetAsync<T>(string key, IReadOnlyList<string> projections, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        var stamp = await StampAsync(projections, ct);
        var full = $"{typeof(T).FullName}\u001f{string.Join(',', projections)}\u001f{key}";
        while (true)
        {
            if (_entries.TryGetValue(full, out var found) && found.Stamp == stamp)
            {
                return (T)(await found.Value.WaitAsync(ct))!;
            }

            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            // Computed apart from the caller's cancellation (other requests may be waiting on it), once the entry is in.
            var result = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var entry = new Entry(stamp, result.Task);
            var added = found is null ? _entries.TryAdd(full, entry) : _entries.TryUpdate(full, entry, found);
            if (!added)
            {
                continue;
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    result.SetResult(await compute(CancellationToken.None));
                }
                catch (Exception e)
                {
                    result.SetException(e);
                }
            }, CancellationToken.None);

            try
            {
                return (T)(await entry.Value.WaitAsync(ct))!;
            }
            catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(full, entry));
                throw;
            }
        }
    }
}

using System.Text.Json;
using CaseTracker.EventStore.Projections;

namespace CaseTracker.ReadModels;

/// <summary>Which streams the store has and their versions: what a bulk writer (import, demo) must not write again.</summary>
public sealed class StreamIndex(IReadModelDatabase database)
{
    /// <summary>Every stream of the store (its size grows with the store: prefer <see cref="VersionsOfAsync"/> for a batch).</summary>
    public async Task<IReadOnlyDictionary<string, long>> VersionsAsync(CancellationToken ct = default) =>
        (await database.QueryAsync("stream_versions", c => (Stream: c.String("stream_id"), Version: c.Long("version")), ct))
            .ToDictionary(r => r.Stream, r => r.Version, StringComparer.Ordinal);

    /// <summary>The versions of those of <paramref name="streams"/> that exist (a stream not in the answer has no events).</summary>
    public async Task<IReadOnlyDictionary<string, long>> VersionsOfAsync(IReadOnlyCollection<string> streams, CancellationToken ct = default) =>
        streams.Count == 0 ? new Dictionary<string, long>()
        : (await database.QueryAsync("stream_versions_of", c => (Stream: c.String("stream_id"), Version: c.Long("version")), ct,
            ("streams", JsonSerializer.Serialize(streams))))
            .ToDictionary(r => r.Stream, r => r.Version, StringComparer.Ordinal);

    /// <summary>The stream holding each of <paramref name="keys"/> in <paramref name="scope"/> that is held.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ClaimHoldersAsync(string scope, IReadOnlyCollection<string> keys, CancellationToken ct = default) =>
        keys.Count == 0 ? new Dictionary<string, string>()
        : (await database.QueryAsync("claim_holders", c => (Key: c.String("key"), Stream: c.String("stream_id")), ct,
            ("scope", scope), ("keys", JsonSerializer.Serialize(keys))))
            .ToDictionary(r => r.Key, r => r.Stream, StringComparer.Ordinal);
}

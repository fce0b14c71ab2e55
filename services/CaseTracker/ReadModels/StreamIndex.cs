using CaseTracker.EventStore.Projections;

namespace CaseTracker.ReadModels;

/// <summary>Which streams the store has and their versions: what a bulk writer (import, demo) must not write again.</summary>
public sealed class StreamIndex(IReadModelDatabase database)
{
    public async Task<IReadOnlyDictionary<string, long>> VersionsAsync(CancellationToken ct = default) =>
        (await database.QueryAsync("stream_versions", c => (Stream: c.String("stream_id"), Version: c.Long("version")), ct))
            .ToDictionary(r => r.Stream, r => r.Version, StringComparer.Ordinal);
}

namespace CaseTracker.EventStore.Sql;

public abstract partial class SqlEventStore
{
    /// <summary>Every stream that has events, with its version: lets a bulk writer (an import) skip reading new streams.</summary>
    public async Task<IReadOnlyDictionary<string, long>> StreamVersionsAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync(null, Sql["stream_versions"], r => (Stream: r.GetString(0), Version: r.GetInt64(1)), ct);
        return rows.ToDictionary(r => r.Stream, r => r.Version, StringComparer.Ordinal);
    }

    /// <summary>Every claim of a scope with the stream that holds it: lets a bulk writer (an import) name a refused row before writing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ClaimsAsync(string scope, CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync(null, Sql["claims_select"], r => (Key: r.GetString(0), Stream: r.GetString(1)), ct, ("scope", scope));
        return rows.ToDictionary(r => r.Key, r => r.Stream, StringComparer.Ordinal);
    }

    /// <summary>
    /// The streams the claims backfill (migration 0013) found using a key another stream held first: cases registered
    /// twice with one 编号 in one agency before the store enforced it. They keep their events; they hold no claim.
    /// </summary>
    public async Task<IReadOnlyList<(UniqueClaim Claim, string StreamId, string HolderStreamId)>> ClaimDuplicatesAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        return await connection.QueryAsync(null, Sql["claim_duplicates_select"],
            r => (new UniqueClaim(r.GetString(0), r.GetString(1)), r.GetString(2), r.GetString(3)), ct);
    }
}

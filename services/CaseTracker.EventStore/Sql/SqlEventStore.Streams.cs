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
}

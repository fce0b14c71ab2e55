using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.ReadModels.CaseList;

public static class CaseLookup
{
    public static async Task<CaseRow?> FindCaseAsync(this IReadModelDatabase database, Guid caseId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync(null, database.Sql["case_row_by_id"], CaseRow.Read, ct, ("case_id", caseId));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Every case not yet closed (the supervisors' watch list).</summary>
    public static async Task<IReadOnlyList<CaseRow>> OpenCasesAsync(this IReadModelDatabase database, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QueryAsync(null, database.Sql["case_rows_open"], CaseRow.Read, ct);
    }

    /// <summary>
    /// Open cases that can be on the watch list on <paramref name="today"/>: deadline on or before <paramref name="soon"/>,
    /// paused, or received on or after <paramref name="noticeFrom"/> with no supplement notice yet. Earliest deadline first.
    /// </summary>
    public static async Task<IReadOnlyList<CaseRow>> WatchListAsync(this IReadModelDatabase database, DateOnly today, DateOnly soon, DateOnly noticeFrom, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QueryAsync(null, database.Sql["case_rows_watch"], CaseRow.Read, ct,
            ("today", today), ("soon", soon), ("no", false), ("notice_from", noticeFrom));
    }

    /// <summary>How many cases each agency has open on a day.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> OpenCountsAsync(this IReadModelDatabase database, DateOnly today, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync(null, database.Sql["case_counts_open"], r => (Agency: r.GetString(0), Count: r.GetInt64(1)), ct, ("today", today));
        return rows.ToDictionary(r => r.Agency, r => r.Count, StringComparer.Ordinal);
    }
}

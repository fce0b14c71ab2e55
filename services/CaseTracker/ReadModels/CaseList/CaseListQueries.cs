using CaseTracker.EventStore.Projections;

namespace CaseTracker.ReadModels.CaseList;

/// <summary>The case read model as pages, the dashboard, the ledger export and the pipeline read it.</summary>
public sealed class CaseListQueries(IReadModelDatabase database)
{
    public Task<IReadOnlyList<CaseRow>> AllAsync(CancellationToken ct = default) =>
        database.QueryAsync("case_rows_select", CaseRow.Read, ct);

    public async Task<CaseRow?> FindAsync(Guid caseId, CancellationToken ct = default) =>
        (await database.QueryAsync("case_row_by_id", CaseRow.Read, ct, ("case_id", caseId))).FirstOrDefault();

    /// <summary>Every case not yet closed (the supervisors' watch list).</summary>
    public Task<IReadOnlyList<CaseRow>> OpenCasesAsync(CancellationToken ct = default) =>
        database.QueryAsync("case_rows_open", CaseRow.Read, ct);

    /// <summary>Open cases whose deadline is before <paramref name="today"/>.</summary>
    public Task<IReadOnlyList<Guid>> OverdueAsync(DateOnly today, CancellationToken ct = default) =>
        database.QueryAsync("case_rows_overdue", c => c.Guid("case_id"), ct, ("today", today));

    /// <summary>
    /// Open cases that can be on the watch list on <paramref name="today"/>: deadline on or before <paramref name="soon"/>,
    /// paused, or received on or after <paramref name="noticeFrom"/> with no supplement notice yet. Earliest deadline first.
    /// </summary>
    public Task<IReadOnlyList<CaseRow>> WatchListAsync(DateOnly today, DateOnly soon, DateOnly noticeFrom, CancellationToken ct = default) =>
        database.QueryAsync("case_rows_watch", CaseRow.Read, ct, ("today", today), ("soon", soon), ("no", false), ("notice_from", noticeFrom));

    /// <summary>How many cases each agency has open on a day.</summary>
    public async Task<IReadOnlyDictionary<string, long>> OpenCountsAsync(DateOnly today, CancellationToken ct = default)
    {
        var rows = await database.QueryAsync("case_counts_open", c => (Agency: c.String("agency"), Count: c.Long("open_count")), ct, ("today", today));
        return rows.ToDictionary(r => r.Agency, r => r.Count, StringComparer.Ordinal);
    }
}

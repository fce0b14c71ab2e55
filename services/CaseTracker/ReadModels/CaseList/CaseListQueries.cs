using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.ReadModels.CaseList;

public static class CaseListQueries
{
    public static async Task<IReadOnlyList<CaseRow>> AllAsync(this IReadModelDatabase database, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QueryAsync(null, database.Sql["case_rows_select"], CaseRow.Read, ct);
    }

    /// <summary>Open cases whose deadline is before <paramref name="today"/>.</summary>
    public static async Task<IReadOnlyList<Guid>> OverdueAsync(this IReadModelDatabase database, DateOnly today, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QueryAsync(null, database.Sql["case_rows_overdue"], r => r.GetGuid(0), ct, ("today", today));
    }
}

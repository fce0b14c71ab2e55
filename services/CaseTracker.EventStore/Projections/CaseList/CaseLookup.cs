using CaseTracker.EventStore.Sql;

namespace CaseTracker.EventStore.Projections.CaseList;

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
}

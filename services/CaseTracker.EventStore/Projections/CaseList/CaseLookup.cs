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
}

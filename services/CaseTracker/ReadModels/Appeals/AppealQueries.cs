using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.ReadModels.Appeals;

public sealed record AppealRow(Guid CaseId, string AppealId, AppealKind Kind, DateOnly FiledOn, bool AfterReconsideration, DateOnly? ConcludedOn, AppealResult? Result);

public static class AppealQueries
{
    public static async Task<ILookup<Guid, AppealRow>> AppealsByCaseAsync(this IReadModelDatabase database, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync(null, database.Sql["appeals_select"], Read, ct);
        return rows.ToLookup(r => r.CaseId);
    }

    public static AppealRow Read(System.Data.Common.DbDataReader r) => new(
        r.GetGuid(0), r.GetString(1), Enum.Parse<AppealKind>(r.GetString(2)), r.GetFieldValue<DateOnly>(3), r.GetBoolean(4),
        r.Nullable<DateOnly>(5), r.IsDBNull(6) ? null : Enum.Parse<AppealResult>(r.GetString(6)));
}

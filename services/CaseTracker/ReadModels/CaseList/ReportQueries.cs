using System.Runtime.CompilerServices;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using CaseTracker.ReadModels.Appeals;

namespace CaseTracker.ReadModels.CaseList;

/// <summary>What the year-end tables read of a case: no personal data, no clock.</summary>
public sealed record ReportCaseRow(Guid CaseId, string Agency, ApplicantType ApplicantType, DateOnly ReceivedOn, DateOnly? ClosedOn, Outcome? Outcome);

public static class ReportQueries
{
    /// <summary>
    /// Streams the cases a year's tables can count, without holding them all: received by <paramref name="cutoff"/>, and
    /// still open at <paramref name="previousCutoff"/> (the end of the previous year, or an earlier as-of date) or appealed
    /// between <paramref name="yearStart"/> and the cutoff.
    /// </summary>
    public static async IAsyncEnumerable<ReportCaseRow> CasesForYearAsync(
        this IReadModelDatabase database, DateOnly yearStart, DateOnly previousCutoff, DateOnly cutoff, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = connection.Command(null, database.Sql["case_rows_for_report"],
            ("year_start", yearStart), ("previous_cutoff", previousCutoff), ("cutoff", cutoff));
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            yield return new ReportCaseRow(r.GetGuid(0), r.GetString(1), Enum.Parse<ApplicantType>(r.GetString(2)), r.GetFieldValue<DateOnly>(3),
                r.Nullable<DateOnly>(4), r.IsDBNull(5) ? null : Enum.Parse<Outcome>(r.GetString(5)));
        }
    }

    /// <summary>The appeals filed between the start of the year and the cutoff (section 四 counts them in the year filed).</summary>
    public static async Task<ILookup<Guid, AppealRow>> AppealsForYearAsync(this IReadModelDatabase database, DateOnly yearStart, DateOnly cutoff, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync(null, database.Sql["appeals_for_report"], AppealQueries.Read, ct, ("year_start", yearStart), ("cutoff", cutoff));
        return rows.ToLookup(a => a.CaseId);
    }
}

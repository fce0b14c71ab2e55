using System.Globalization;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using Dapper;

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

    /// <summary>The dashboard's totals over the open cases of <paramref name="agencies"/> (null: every agency), counted in SQL.</summary>
    public async Task<WatchCounts> WatchCountsAsync(DateOnly today, DateOnly soon, IReadOnlyList<string>? agencies, CancellationToken ct = default)
    {
        var (scope, args) = Scope(agencies);
        var rows = await QuerySqlAsync(database.Sql["dashboard_counts"].Replace("{scope}", scope, StringComparison.Ordinal),
            c => new WatchCounts(c.Long("open_count"), c.Long("overdue"), c.Long("due_today"), c.Long("due_soon"), c.Long("paused")), ct,
            [.. args, ("today", today), ("soon", soon)]);
        return rows[0];
    }

    /// <summary>
    /// One dashboard list, at most <paramref name="limit"/> rows in SQL: <paramref name="where"/> and <paramref name="order"/> are fixed
    /// SQL over the columns (never user input), with @today, @soon and @days available.
    /// </summary>
    public async Task<IReadOnlyList<CaseRow>> WatchListAsync(string where, string order, DateOnly today, DateOnly soon, IReadOnlyList<string>? agencies,
        int limit, CancellationToken ct = default, IReadOnlyList<DateOnly>? days = null)
    {
        var (scope, args) = Scope(agencies);
        // SQLite plans before it sees the values: "+agency" keeps it from the agency index (then sorting every case of the
        // scope) so that it walks the list's order and stops at the limit.
        scope = database.Sql.Dialect == "Sqlite" ? scope.Replace("agency IN", "+agency IN", StringComparison.Ordinal) : scope;
        var dayArgs = (days ?? []).Select((d, i) => ($"d{i}", (object?)d)).ToList();
        var sql = database.Sql["dashboard_list"].Replace("{scope}", scope, StringComparison.Ordinal)
            .Replace("{where}", where.Replace("@days", dayArgs.Count == 0 ? "(NULL)" : $"({string.Join(", ", dayArgs.Select(a => "@" + a.Item1))})",
                StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("{order}", order, StringComparison.Ordinal);
        return await QuerySqlAsync(sql, CaseRow.Read, ct, [.. args, .. dayArgs, ("today", today), ("soon", soon), ("no", false), ("limit", (long)limit)]);
    }

    /// <summary>Running cases without a supplement notice, received from <paramref name="noticeFrom"/> to today, per day of receipt.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, long>> NoticeDaysAsync(DateOnly today, DateOnly noticeFrom, IReadOnlyList<string>? agencies,
        CancellationToken ct = default)
    {
        var (scope, args) = Scope(agencies);
        var rows = await QuerySqlAsync(database.Sql["dashboard_notice_days"].Replace("{scope}", scope, StringComparison.Ordinal),
            c => (Day: c.Date("received_on"), Cases: c.Long("cases")), ct, [.. args, ("today", today), ("no", false), ("notice_from", noticeFrom)]);
        return rows.ToDictionary(r => r.Day, r => r.Cases);
    }

    private static (string Sql, List<(string, object?)> Args) Scope(IReadOnlyList<string>? agencies) =>
        agencies is null ? ("1 = 1", [])
        : agencies.Count == 0 ? ("1 = 0", [])
        : ($"agency IN ({string.Join(", ", agencies.Select((_, i) => "@a" + i.ToString(CultureInfo.InvariantCulture)))})",
            agencies.Select((a, i) => ("a" + i.ToString(CultureInfo.InvariantCulture), (object?)a)).ToList());

    private async Task<IReadOnlyList<T>> QuerySqlAsync<T>(string sql, Func<Columns, T> map, CancellationToken ct, (string Name, object? Value)[] args)
    {
        var rows = new List<T>();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = connection.Command(null, sql, args);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var parse = reader.GetRowParser<object>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(Columns.Of(parse(reader))));
        }

        return rows;
    }
}

/// <summary>The dashboard's totals: open cases, and of them overdue, due today, due within the window, paused.</summary>
public sealed record WatchCounts(long Open, long Overdue, long DueToday, long DueSoon, long Paused);

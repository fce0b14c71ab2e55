using System.Globalization;
using System.Text;
using System.Text.Json;
using CaseTracker.Agencies;
using CaseTracker.Domain.Applicants;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.ReadModels.CaseList;
using CaseTracker.ReadModels.Search;
using Dapper;

namespace CaseTracker.Search;

/// <summary>A case of the list: its row, its 承办人, working days left (negative: overdue by) as of the day asked.</summary>
public sealed record CaseListItem(CaseRow Row, string? Assignee, int? DaysLeft, bool Overdue);

/// <param name="NextCursor">The position after the last item, for the next page; null on the last page.</param>
public sealed record CaseResults(IReadOnlyList<CaseListItem> Items, long Total, int Page, int Size, string? NextCursor);

/// <summary>
/// The case list and the search box in SQL (<c>case_page.sql</c>): filters, the agency scope, sorting and paging all in the
/// database, so no cap and no loading of every row. The applicant's name, ID number and phone are matched by their keyed
/// hashes, and only for those who may see personal data (caseworkers and supervisors, within their agencies).
/// </summary>
public sealed class CaseSearch(IReadModelDatabase database, AgencyDirectory agencies, ApplicantKeyring keyring, CasePolicy policy, ReadModelCache cache)
{
    /// <summary>The read models the list's SQL reads (the total is kept until one of them moves).</summary>
    private static readonly string[] Sources =
        [CaseListProjection.ProjectionName, CaseSearchProjection.ProjectionName, ReadModels.Applicants.ApplicantKeysProjection.ProjectionName];

    /// <summary>From this many agencies in scope the page walks its sort's index instead of the agency index (SQLite).</summary>
    private const int BroadScope = 3;

    public async Task<CaseResults> PageAsync(CaseFilter filter, Access access, DateOnly today, CancellationToken ct)
    {
        var scope = await ScopeAsync(filter.Agency, access, ct);
        var (afterKey, afterId) = filter.Cursor is { } cursor ? ReadCursor(cursor, filter) : (null, (Guid?)null);
        var offset = afterKey is null ? (long)(filter.Page - 1) * filter.Size : 0;
        var args = await ArgumentsAsync(filter, access, scope, today, ct);
        var (page, count, boundary) = Scripts(filter, args);
        var rows = new List<Found>();
        if (offset > 0 && afterKey is null)
        {
            // A page by number is read by keyset after the row before it, found in the index (issue 14: OFFSET read every
            // earlier page's rows from the table); past the last row there is no such row and the page is empty.
            args.Add(("skip", offset - 1));
            var before = await BoundaryAsync(boundary, args, ct);
            args.RemoveAll(a => a.Name == "skip");
            (afterKey, afterId) = before is { } b ? (b.Key, (Guid?)b.Id) : ((string?)null, (Guid?)null);
        }

        args.AddRange([("after_key", afterKey), ("after_id", afterId), ("limit", (long)filter.Size), ("offset", 0L)]);
        if (offset == 0 || afterKey is not null)
        {
            rows = await QueryAsync(page, args, ct);
        }

        long total;
        if (filter.Cursor is null && rows.Count < filter.Size && (rows.Count > 0 || offset == 0))
        {
            // A page by number that is not full is the last one: the total is known without counting.
            total = offset + rows.Count;
        }
        else
        {
            args.RemoveAll(a => a.Name is "after_key" or "after_id" or "limit" or "offset");
            total = await CountAsync(count, args, ct);
        }

        var calendar = policy.Calendar;
        var items = rows.Select(r => r.Item with
        {
            DaysLeft = r.Item.Row.Deadline is { } due && r.Item.Row.ClosedOn is null
                ? due >= today ? calendar.CountWorkingDays(today, due).Days : -calendar.CountWorkingDays(due, today).Days
                : null,
            Overdue = r.Item.Row.ClosedOn is null && r.Item.Row.Deadline < today,
        }).ToList();
        var next = rows.Count == filter.Size && (filter.Cursor is not null ? rows.Count < total : offset + rows.Count < total)
            ? WriteCursor(filter, rows[^1].SortKey, rows[^1].Item.Row.CaseId)
            : null;
        return new CaseResults(items, total, filter.Cursor is null ? filter.Page : 0, filter.Size, next);
    }

    /// <summary>Every case id the filter selects, in order (the possible-repeat check and the tests page through this).</summary>
    public async Task<IReadOnlyList<CaseListItem>> AllAsync(CaseFilter filter, Access access, DateOnly today, CancellationToken ct)
    {
        var all = new List<CaseListItem>();
        var page = await PageAsync(filter with { Size = CaseFilter.MaxSize, Cursor = null, Page = 1 }, access, today, ct);
        all.AddRange(page.Items);
        while (page.NextCursor is { } next)
        {
            page = await PageAsync(filter with { Size = CaseFilter.MaxSize, Cursor = next }, access, today, ct);
            all.AddRange(page.Items);
        }

        return all;
    }

    private async Task<IReadOnlyList<string>?> ScopeAsync(string? agency, Access access, CancellationToken ct)
    {
        if (agency is null)
        {
            return access.Agencies?.Order(StringComparer.Ordinal).ToList();
        }

        if ((await agencies.ListAsync(ct)).All(a => a.Name != agency))
        {
            throw new UserError("agency", $"agency：机关“{agency}”未登记。");
        }

        if (!access.CanSee(agency))
        {
            throw new ForbiddenException($"您无权查看“{agency}”的案件。");
        }

        return (await agencies.WithEverythingUnderAsync(agency, ct)).Where(access.CanSee).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<List<(string Name, object? Value)>> ArgumentsAsync(
        CaseFilter filter, Access access, IReadOnlyList<string>? scope, DateOnly today, CancellationToken ct)
    {
        var q = filter.Q?.Trim();
        string? name = null, id = null, phone = null;
        if (q is not null && access.Role is Role.Caseworker or Role.Supervisor)
        {
            var keys = await keyring.GetAsync(ct);
            name = keys.Hash(ApplicantKeyKind.Name, q);
            id = keys.Hash(ApplicantKeyKind.IdNumber, q);
            phone = keys.Hash(ApplicantKeyKind.Phone, q);
        }

        var likeTerm = q?.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return
        [
            ("agencies", scope is null ? null : JsonSerializer.Serialize(scope)),
            ("status", filter.Status),
            ("assignee", filter.Assignee),
            ("overdue_on", filter.Overdue ? today : null),
            ("due_by", filter.DueWithin is { } n ? policy.Calendar.AddWorkingDays(today, n).Date : null),
            ("today", today),
            ("channel", filter.Channel?.ToString()),
            ("received_from", filter.ReceivedFrom),
            ("received_to", filter.ReceivedTo),
            ("outcome", filter.Outcome?.ToString()),
            ("q", q),
            ("hash_name", name),
            ("hash_id", id),
            ("hash_phone", phone),
            ("q_like", string.IsNullOrEmpty(likeTerm) ? null : $"%{likeTerm}%"),
            ("q_grams", q is null || database.Sql.Dialect == "Sqlite" ? null : CaseSearchProjection.Bigrams(q)),
            ("q_lower", q?.ToLowerInvariant()),
        ];
    }

    /// <summary>The page's SQL, the total's and the page start's: the filters once (case_filter.sql), the assignee table joined only when needed.</summary>
    private (string Page, string Count, string Boundary) Scripts(CaseFilter filter, List<(string Name, object? Value)> args)
    {
        var sorts = database.Sql["case_page_sorts"].Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal))
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Split('|').Select(e => e.Trim()).ToArray(), StringComparer.Ordinal);
        var sort = sorts[filter.Sort];
        var joined = filter.Assignee is not null || filter.Sort == "assignee";
        var where = database.Sql["case_filter"]
            .Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal)).Aggregate((a, b) => a + "\n" + b)
            .Replace("{join}", joined ? "LEFT JOIN case_assignees a ON a.case_id = c.case_id" : "", StringComparison.Ordinal)
            .TrimEnd();
        where = WithoutUnusedFilters(where, args);
        var pageWhere = where;
        if (database.Sql.Dialect == "Sqlite" && filter.Q is null && args.Find(a => a.Name == "agencies").Value is string scope
            && JsonSerializer.Deserialize<string[]>(scope)!.Length >= BroadScope)
        {
            // SQLite plans before it sees the values: given the agency index it reads every case of a broad scope and sorts
            // them all (100,000 cases: 0.8 s for a page of 50). "+agency" keeps it to the sort's own index, walked in order
            // until the page is full (22 ms). A narrow scope (a caseworker's agency) keeps the agency index.
            pageWhere = where.Replace("c.agency IN (SELECT value FROM json_each", "+c.agency IN (SELECT value FROM json_each", StringComparison.Ordinal);
        }

        string Fill(string script) => database.Sql[script]
            .Replace("{filter}", pageWhere, StringComparison.Ordinal)
            .Replace("{assignee}", joined ? "a.assignee" : "(SELECT a.assignee FROM case_assignees a WHERE a.case_id = c.case_id)", StringComparison.Ordinal)
            .Replace("{sort}", sort[0], StringComparison.Ordinal)
            .Replace("{key}", sort[1], StringComparison.Ordinal)
            .Replace("{type}", sort[2], StringComparison.Ordinal)
            .Replace("{dir}", filter.Descending ? "DESC" : "ASC", StringComparison.Ordinal)
            .Replace("{cmp}", filter.Descending ? "<" : ">", StringComparison.Ordinal);
        return (Fill("case_page"), database.Sql["case_count"].Replace("{filter}", where, StringComparison.Ordinal), Fill("case_page_boundary"));
    }

    /// <summary>
    /// The filter's SQL with the conditions of the filters not given left out: each condition is a line starting
    /// "WHERE (" or "AND (" (continued on more indented lines) whose first parameter is the filter's, NULL when not given.
    /// Left in, "@x IS NULL OR …" hides from the planner which indexes can serve (SQLite plans before it sees the values),
    /// and COUNT reads every row instead of an index.
    /// </summary>
    private static string WithoutUnusedFilters(string where, List<(string Name, object? Value)> args)
    {
        var unused = args.Where(a => a.Value is null).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var blocks = new List<List<string>>();
        foreach (var line in where.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (blocks.Count == 0 || trimmed.StartsWith("WHERE (", StringComparison.Ordinal) || trimmed.StartsWith("AND (", StringComparison.Ordinal)
                || !line.StartsWith("  ", StringComparison.Ordinal))
            {
                blocks.Add([]);
            }

            blocks[^1].Add(line);
        }

        var kept = new List<string>();
        var first = true;
        foreach (var block in blocks)
        {
            var head = block[0].TrimStart();
            var isCondition = head.StartsWith("WHERE (", StringComparison.Ordinal) || head.StartsWith("AND (", StringComparison.Ordinal);
            if (!isCondition)
            {
                kept.AddRange(block);
                continue;
            }

            var at = head.IndexOf('@', StringComparison.Ordinal);
            var name = new string(head[(at + 1)..].TakeWhile(ch => char.IsLetterOrDigit(ch) || ch == '_').ToArray());
            if (unused.Contains(name))
            {
                continue;
            }

            var text = string.Join("\n", block).TrimStart();
            text = text.StartsWith("WHERE ", StringComparison.Ordinal) ? text["WHERE ".Length..] : text["AND ".Length..];
            kept.Add((first ? "WHERE " : "  AND ") + text);
            first = false;
        }

        if (first)
        {
            kept.Add("WHERE 1 = 1");
        }

        return string.Join("\n", kept);
    }

    /// <summary>The arguments the SQL names (the conditions left out name theirs no more).</summary>
    private static (string Name, object? Value)[] Used(string sql, List<(string Name, object? Value)> args) =>
        args.Where(a => System.Text.RegularExpressions.Regex.IsMatch(sql, $@"@{a.Name}\b")).ToArray();

    /// <summary>
    /// The total of a filter, kept until the read models move (issue 14: counting 100,000 open cases for every page cost
    /// more than the page itself): the SQL and its arguments are the key.
    /// </summary>
    private Task<long> CountAsync(string sql, List<(string Name, object? Value)> args, CancellationToken ct)
    {
        var used = Used(sql, args);
        var key = sql + "\u001f" + string.Join('\u001e', used.Select(a => $"{a.Name}={Convert.ToString(a.Value, CultureInfo.InvariantCulture)}"));
        return cache.GetAsync(key, Sources, async token =>
        {
            await using var connection = await database.OpenConnectionAsync(token);
            await using var command = connection.Command(null, sql, used);
            return Convert.ToInt64(await command.ExecuteScalarAsync(token), CultureInfo.InvariantCulture);
        }, ct);
    }

    private sealed record Found(CaseListItem Item, string SortKey);

    /// <summary>The sort key and id of the row at <c>@skip</c> in the page's order; null when there are not that many.</summary>
    private async Task<(string Key, Guid Id)?> BoundaryAsync(string sql, List<(string Name, object? Value)> args, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = connection.Command(null, sql, Used(sql, args));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var c = Columns.Of(reader.GetRowParser<object>()(reader));
        return (c.String("sort_key"), c.Guid("case_id"));
    }

    private async Task<List<Found>> QueryAsync(string sql, List<(string Name, object? Value)> args, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = connection.Command(null, sql, Used(sql, args));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var parse = reader.GetRowParser<object>();
        var rows = new List<Found>();
        while (await reader.ReadAsync(ct))
        {
            var c = Columns.Of(parse(reader));
            rows.Add(new Found(new CaseListItem(CaseRow.Read(c), c.NullableString("assignee"), null, false), c.String("sort_key")));
        }

        return rows;
    }

    private static string WriteCursor(CaseFilter filter, string key, Guid caseId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{filter.Sort}\u001f{(filter.Descending ? "d" : "a")}\u001f{key}\u001f{caseId:N}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (string Key, Guid? Id) ReadCursor(string cursor, CaseFilter filter)
    {
        try
        {
            var text = cursor.Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(text)).Split('\u001f');
            if (parts.Length == 4 && parts[0] == filter.Sort && parts[1] == (filter.Descending ? "d" : "a")
                && Guid.TryParseExact(parts[3], "N", out var id))
            {
                return (parts[2], id);
            }
        }
        catch (FormatException)
        {
        }

        throw new UserError("cursor", "cursor：不是本列表（同一排序）上一页给出的位置，请从第一页重新翻页。");
    }
}

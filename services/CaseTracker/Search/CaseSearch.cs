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
public sealed class CaseSearch(IReadModelDatabase database, AgencyDirectory agencies, ApplicantKeyring keyring, CasePolicy policy)
{
    public async Task<CaseResults> PageAsync(CaseFilter filter, Access access, DateOnly today, CancellationToken ct)
    {
        var scope = await ScopeAsync(filter.Agency, access, ct);
        var (afterKey, afterId) = filter.Cursor is { } cursor ? ReadCursor(cursor, filter) : (null, (Guid?)null);
        var offset = afterKey is null ? (long)(filter.Page - 1) * filter.Size : 0;
        var args = await ArgumentsAsync(filter, access, scope, today, ct);
        args.AddRange([("after_key", afterKey), ("after_id", afterId), ("limit", (long)filter.Size), ("offset", offset)]);
        var rows = await QueryAsync(Script(filter), args, ct);
        long total;
        if (rows.Count > 0)
        {
            total = rows[0].Total;
        }
        else if (offset > 0 || afterKey is not null)
        {
            args.RemoveAll(a => a.Name is "after_key" or "after_id" or "limit" or "offset");
            args.AddRange([("after_key", null), ("after_id", null), ("limit", 1L), ("offset", 0L)]);
            total = (await QueryAsync(Script(filter), args, ct)).FirstOrDefault()?.Total ?? 0;
        }
        else
        {
            total = 0;
        }

        var calendar = policy.Calendar;
        var items = rows.Select(r => r.Item with
        {
            DaysLeft = r.Item.Row.Deadline is { } due && r.Item.Row.ClosedOn is null
                ? due >= today ? calendar.CountWorkingDays(today, due).Days : -calendar.CountWorkingDays(due, today).Days
                : null,
            Overdue = r.Item.Row.ClosedOn is null && r.Item.Row.Deadline < today,
        }).ToList();
        var next = rows.Count == filter.Size && (afterKey is not null ? rows.Count < total : offset + rows.Count < total)
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

    private string Script(CaseFilter filter)
    {
        var sorts = database.Sql["case_page_sorts"].Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal))
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        return database.Sql["case_page"]
            .Replace("{sort}", sorts[filter.Sort], StringComparison.Ordinal)
            .Replace("{dir}", filter.Descending ? "DESC" : "ASC", StringComparison.Ordinal)
            .Replace("{cmp}", filter.Descending ? "<" : ">", StringComparison.Ordinal);
    }

    private sealed record Found(CaseListItem Item, string SortKey, long Total);

    private async Task<List<Found>> QueryAsync(string sql, List<(string Name, object? Value)> args, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = connection.Command(null, sql, [.. args]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var parse = reader.GetRowParser<object>();
        var rows = new List<Found>();
        while (await reader.ReadAsync(ct))
        {
            var c = Columns.Of(parse(reader));
            rows.Add(new Found(new CaseListItem(CaseRow.Read(c), c.NullableString("assignee"), null, false), c.String("sort_key"), c.Long("total")));
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

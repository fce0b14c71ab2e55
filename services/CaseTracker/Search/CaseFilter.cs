using System.Globalization;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Pipeline;

namespace CaseTracker.Search;

/// <summary>
/// The case list's filters, sort and page, as the page's query string and <c>GET /api/cases</c> both carry them (a
/// filter is a shareable link). Every field is optional; bad values are refused in Chinese naming the field.
/// </summary>
public sealed record CaseFilter
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static readonly IReadOnlyList<string> Sorts = ["received", "deadline", "number", "agency", "assignee", "status"];

    /// <summary>编号, applicant name / ID number / phone (exact, normalised), or words of the description.</summary>
    public string? Q { get; init; }

    /// <summary>An agency with everything under it (within the viewer's reach).</summary>
    public string? Agency { get; init; }

    /// <summary>Open, Closed, Running, Paused; null = all.</summary>
    public string? Status { get; init; }

    /// <summary>A user name; "" = no assignee yet.</summary>
    public string? Assignee { get; init; }

    public bool Overdue { get; init; }

    /// <summary>Open cases due from today to today + N working days.</summary>
    public int? DueWithin { get; init; }

    public Channel? Channel { get; init; }

    public DateOnly? ReceivedFrom { get; init; }

    public DateOnly? ReceivedTo { get; init; }

    public Outcome? Outcome { get; init; }

    public string Sort { get; init; } = "received";

    public bool Descending { get; init; } = true;

    public int Page { get; init; } = 1;

    public int Size { get; init; } = DefaultSize;

    /// <summary>The opaque position after the last case of the previous page (keyset paging); overrides <see cref="Page"/>.</summary>
    public string? Cursor { get; init; }

    public static CaseFilter Parse(Func<string, string?> get)
    {
        string? Text(string name, int max = 100) => get(name)?.Trim() is { Length: > 0 } v
            ? v.Length <= max ? v : throw new UserError(name, $"{name}：不能超过 {max} 个字符。")
            : null;
        DateOnly? Date(string name) => Text(name) is { } v
            ? DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw new UserError(name, $"{name}：“{v}”不是日期（应为 yyyy-MM-dd）。")
            : null;
        int? Number(string name, int min, int max) => Text(name) is { } v
            ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
                : throw new UserError(name, $"{name}：“{v}”应为 {min} 到 {max} 之间的整数。")
            : null;
        T? Choice<T>(string name) where T : struct, Enum => Text(name) is { } v
            ? Enum.TryParse<T>(v, true, out var e) && Enum.IsDefined(e) ? e
                : throw new UserError(name, $"{name}：“{v}”不支持，可用：{string.Join("、", Enum.GetNames<T>())}。")
            : null;

        var status = Text("status")?.ToLowerInvariant() switch
        {
            null or "all" => null,
            "open" => "Open",
            "closed" => "Closed",
            "running" => "Running",
            "paused" => "Paused",
            var s => throw new UserError("status", $"status：“{s}”不支持，应为 open、closed、running、paused 或 all。"),
        };
        var sort = Text("sort")?.ToLowerInvariant() ?? "received";
        if (!Sorts.Contains(sort))
        {
            throw new UserError("sort", $"sort：“{sort}”不支持，可用：{string.Join("、", Sorts)}。");
        }

        var dir = Text("dir")?.ToLowerInvariant();
        if (dir is not (null or "asc" or "desc"))
        {
            throw new UserError("dir", $"dir：“{dir}”应为 asc 或 desc。");
        }

        var overdue = Text("overdue")?.ToLowerInvariant();
        if (overdue is not (null or "0" or "1" or "true" or "false" or "on"))
        {
            throw new UserError("overdue", $"overdue：“{overdue}”应为 1 或 0。");
        }

        var from = Date("from");
        var to = Date("to");
        if (from > to)
        {
            throw new UserError("from", $"from：收到日期起 {from:yyyy-MM-dd} 晚于止 {to:yyyy-MM-dd}。");
        }

        var assignee = get("assignee")?.Trim();
        return new CaseFilter
        {
            Q = Text("q"),
            Agency = Text("agency"),
            Status = status,
            Assignee = assignee switch { null or "" => null, "-" => "", var a => a },
            Overdue = overdue is "1" or "true" or "on",
            DueWithin = Number("due", 0, 60),
            Channel = Choice<Channel>("channel"),
            ReceivedFrom = from,
            ReceivedTo = to,
            Outcome = Choice<Outcome>("outcome"),
            Sort = sort,
            Descending = dir is null ? sort == "received" : dir == "desc",
            Page = Number("page", 1, 1_000_000) ?? 1,
            Size = Number("size", 1, MaxSize) ?? DefaultSize,
            Cursor = Text("cursor", 400),
        };
    }

    /// <summary>The query string of this filter (page and cursor left out): the shareable link of a saved filter.</summary>
    public string ToQuery(int? page = null)
    {
        var parts = new List<(string, string?)>
        {
            ("q", Q), ("agency", Agency), ("status", Status?.ToLowerInvariant()), ("assignee", Assignee is "" ? "-" : Assignee),
            ("overdue", Overdue ? "1" : null), ("due", DueWithin?.ToString(CultureInfo.InvariantCulture)), ("channel", Channel?.ToString()),
            ("from", ReceivedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("to", ReceivedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("outcome", Outcome?.ToString()),
            ("sort", Sort == "received" ? null : Sort), ("dir", Descending == (Sort == "received") ? null : Descending ? "desc" : "asc"),
            ("size", Size == DefaultSize ? null : Size.ToString(CultureInfo.InvariantCulture)),
            ("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null),
        };
        return string.Join("&", parts.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }
}

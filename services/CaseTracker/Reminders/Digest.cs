namespace CaseTracker.Reminders;

/// <summary>The lists a digest can carry, in the order it shows them.</summary>
public enum DigestList
{
    Overdue,
    DueToday,
    DueSoon,
    SupplementNotices,
    ThirdPartyReplies,
    FeePayments,
}

/// <summary>One case in a list: <see cref="Due"/> is the day the list is about (deadline, notice due, reply due, payment due).</summary>
public sealed record DigestItem(Guid CaseId, string CaseNumber, string Agency, DateOnly? Due, string Note);

public sealed record DigestSection(DigestList List, string Title, IReadOnlyList<DigestItem> Items);

/// <summary>What one user is told on one working morning. Empty sections are left out; no sections = nothing to send.</summary>
public sealed record Digest(string User, string? Email, DateOnly Date, IReadOnlyList<DigestSection> Sections)
{
    public bool IsEmpty => Sections.Count == 0;

    public string Title => $"{Date:yyyy-MM-dd} 办理提醒：" + string.Join("，", Sections.Select(s => $"{s.Title} {s.Items.Count} 件"));

    /// <summary>The plain text of the digest (the e-mail body and the dry run).</summary>
    public string Text()
    {
        var lines = new List<string> { Title };
        foreach (var section in Sections)
        {
            lines.Add($"【{section.Title}】");
            lines.AddRange(section.Items.Select(i =>
                $"  {i.CaseNumber}（{i.Agency}）" + (i.Due is { } d ? $" {d:yyyy-MM-dd}" : "") + (i.Note.Length > 0 ? $" {i.Note}" : "")));
        }

        return string.Join('\n', lines);
    }

    public static string Label(DigestList list) => list switch
    {
        DigestList.Overdue => "已超期",
        DigestList.DueToday => "今日到期",
        DigestList.DueSoon => "临近期限",
        DigestList.SupplementNotices => "待发补正告知",
        DigestList.ThirdPartyReplies => "征求意见答复将到期",
        DigestList.FeePayments => "缴费将到期",
        _ => list.ToString(),
    };
}

/// <summary>A user's digest settings (document "digest-settings"/user name); none stored = the defaults.</summary>
/// <param name="Within">临近期限: due within this many working days (1..20).</param>
public sealed record DigestSettings(bool Enabled = true, int Within = 3, IReadOnlyList<DigestList>? Lists = null, string? Email = null)
{
    public const string Collection = "digest-settings";

    public IReadOnlyList<DigestList> ListsOrAll => Lists ?? Enum.GetValues<DigestList>();
}

using CaseTracker.Agencies;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Projections;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;

namespace CaseTracker.Erasure;

/// <summary>保存期限: an agency's applicants' personal data is erased <paramref name="Years"/> years after the case closed.</summary>
public sealed record RetentionRule(string Agency, int Years, string SetBy, DateTimeOffset SetAt);

/// <summary>What one agency's rule erased in a run: the cases closed before <paramref name="ClosedBefore"/>, by 编号.</summary>
public sealed record RetentionRunItem(string Agency, int Years, DateOnly ClosedBefore, IReadOnlyList<string> CaseNumbers);

/// <summary>One retention run, kept for the administrators' report: when, by whom (the schedule or a person), what, how many.</summary>
/// <param name="Completed">Erasures of earlier runs whose key destruction had not happened (a crash) and was finished here.</param>
public sealed record RetentionRun(string Id, DateOnly AsOf, DateTimeOffset At, string By, IReadOnlyList<RetentionRunItem> Items, int Completed)
{
    public int Total => Items.Sum(i => i.CaseNumbers.Count);
}

/// <summary>
/// The retention rules (documents "retention-rules", one per agency) and their runs (documents "retention-runs"): a run
/// erases, agency by agency, the personal data of every case closed at least the rule's years before the day, with no
/// reconsideration or lawsuit still open, not erased yet. A case closed on 2023-03-05 under a 3-year rule is erased by the
/// run of 2026-03-05 or later. The schedule (<see cref="RetentionWorker"/>) runs once a day; <c>casetracker retention run</c>
/// and the administrators' page run it at any time. Running twice erases nothing twice.
/// </summary>
public sealed class Retention(DocumentStore documents, AgencyDirectory agencies, PersonalDataEraser eraser, IReadModelDatabase database, TimeProvider time)
{
    public const string RulesCollection = "retention-rules";
    public const string RunsCollection = "retention-runs";
    public const int MaxYears = 100;

    public async Task<IReadOnlyList<RetentionRule>> RulesAsync(CancellationToken ct) =>
        (await documents.ListAsync<RetentionRule>(RulesCollection, ct)).Select(d => d.Value).OrderBy(r => r.Agency, StringComparer.Ordinal).ToList();

    /// <summary>Sets (or with <paramref name="years"/> null, removes) an agency's rule.</summary>
    public async Task<RetentionRule?> SetAsync(string? agency, string? years, string by, CancellationToken ct)
    {
        var name = agency?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw new UserError("agency", "agency（机关）：必须填写机关全称。");
        }

        if ((await agencies.ListAsync(ct)).All(a => a.Name != name))
        {
            throw new UserError("agency", $"agency（机关）：机关“{name}”未登记。");
        }

        if (string.IsNullOrWhiteSpace(years))
        {
            await documents.DeleteAsync(RulesCollection, name, ct);
            return null;
        }

        if (!int.TryParse(years.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxYears)
        {
            throw new UserError("years", $"years（保存年限）：“{years.Trim()}”不是 1 到 {MaxYears} 之间的整数年。");
        }

        var rule = new RetentionRule(name, n, by, time.GetUtcNow());
        await documents.PutAsync(RulesCollection, name, rule, by, ct: ct);
        return rule;
    }

    /// <summary>Runs every rule as of <paramref name="asOf"/> and keeps the run for the report.</summary>
    public async Task<RetentionRun> RunAsync(DateOnly asOf, string by, bool scheduled, CancellationToken ct)
    {
        var completed = await eraser.FinishPendingAsync(ct);
        var items = new List<RetentionRunItem>();
        foreach (var rule in await RulesAsync(ct))
        {
            var closedBefore = asOf.AddYears(-rule.Years).AddDays(1);
            var due = await database.QueryAsync("erasures_due", c => c.Guid("case_id"), ct, ("agency", rule.Agency), ("closed_before", closedBefore));
            var erased = due.Count == 0
                ? []
                : await eraser.EraseAsync(due, $"保存期限届满：{rule.Agency}的申请人个人信息结案满 {rule.Years} 年删除", by, ct);
            items.Add(new RetentionRunItem(rule.Agency, rule.Years, closedBefore, erased.Where(e => !e.AlreadyErased).Select(e => e.CaseNumber).ToList()));
        }

        var at = time.GetUtcNow();
        var id = scheduled ? ScheduledKey(asOf) : $"{asOf:yyyy-MM-dd}/{at:HHmmssfff}/{Guid.NewGuid():N}";
        var run = new RetentionRun(id, asOf, at, by, items, completed);
        await documents.PutAsync(RunsCollection, id, run, by, ct: ct);
        return run;
    }

    /// <summary>The runs, newest first.</summary>
    public async Task<IReadOnlyList<RetentionRun>> RunsAsync(CancellationToken ct) =>
        (await documents.ListAsync<RetentionRun>(RunsCollection, ct)).Select(d => d.Value).OrderByDescending(r => r.At).ToList();

    /// <summary>Whether the schedule has run on this day (the key of the day's scheduled run).</summary>
    public async Task<bool> ScheduledRunExistsAsync(DateOnly day, CancellationToken ct) =>
        await documents.GetAsync<RetentionRun>(RunsCollection, ScheduledKey(day), ct) is not null;

    private static string ScheduledKey(DateOnly day) => $"{day:yyyy-MM-dd}/schedule";
}

/// <summary>An erasure as the administrators' report lists it.</summary>
public sealed record ErasureRow(Guid CaseId, string? Agency, string? CaseNumber, DateOnly ErasedOn, string Reason, string By, DateTimeOffset RecordedAt);

public sealed class ErasureQueries(IReadModelDatabase database)
{
    public Task<IReadOnlyList<ErasureRow>> ListAsync(string? agency, int limit, CancellationToken ct) =>
        database.QueryAsync("erasures_list", c => new ErasureRow(
            c.Guid("case_id"), c.NullableString("agency"), c.NullableString("case_number"), c.Date("erased_on"), c.String("reason"),
            c.String("erased_by"), c.Time("recorded_at")), ct, ("agency", agency), ("limit", (long)limit));

    public async Task<long> CountAsync(CancellationToken ct) => (await database.QueryAsync("erasures_count", c => c.Long("n"), ct)).Single();
}

using CaseTracker.Agencies;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.ReadModels.CaseList;

namespace CaseTracker.Deadlines;

public sealed record DashboardCase(Guid CaseId, string CaseNumber, string Agency, DateOnly ReceivedOn, DateOnly? Deadline, int? WorkingDaysLeft,
    bool Provisional, string PausedFor, DateOnly? SupplementNoticeDue);

/// <summary>How many cases each list has in all (the lists themselves stop at <see cref="DashboardQuery.ListLimit"/>).</summary>
public sealed record DashboardCounts(long Open, int Overdue, int DueToday, int DueSoon, int Paused, int SupplementNoticesToSend);

/// <summary>The watch lists, most urgent first, each at most <see cref="DashboardQuery.ListLimit"/> long; <see cref="Counts"/> has the totals.</summary>
public sealed record DashboardView(
    DateOnly Today,
    string? Agency,
    int Within,
    DashboardCounts Counts,
    IReadOnlyList<DashboardCase> Overdue,
    IReadOnlyList<DashboardCase> DueToday,
    IReadOnlyList<DashboardCase> DueSoon,
    IReadOnlyList<DashboardCase> Paused,
    IReadOnlyList<DashboardCase> SupplementNoticesToSend);

/// <summary>The supervisor's watch list from the case read model and today's date, within the agencies the viewer reaches.</summary>
public sealed class DashboardQuery(CaseListQueries caseList, AgencyDirectory agencies, CasePolicy policy, ReadModelCache cache)
{
    /// <summary>The longest a list gets: the most urgent cases; the counts say how many there are in all.</summary>
    public const int ListLimit = 500;

    public async Task<DashboardView> RunAsync(Access access, string? agency, int within, DateOnly today, CancellationToken ct)
    {
        if (within is < 1 or > 60)
        {
            throw new UserError("within", $"临近期限的工作日数：应在 1 到 60 之间（现为 {within}）。");
        }

        var scope = await ScopeListAsync(access, agency, ct);
        // The same view for everyone asking the same scope on the same day until the case list moves (issue 14: counted
        // afresh, 100,000 open cases cost about half a second per request). The day, the window, the agencies and the
        // calendar are the key; the case list's checkpoint is the stamp.
        var key = string.Join('\u001f', today.DayNumber, within, agency ?? "", ReadModelCache.Identity(policy.Calendar), policy.Settings,
            scope is null ? "*" : string.Join('\u001e', scope));
        return await cache.GetAsync(key, [CaseListProjection.ProjectionName], token => ComputeAsync(agency, within, today, scope, token), ct);
    }

    private async Task<DashboardView> ComputeAsync(string? agency, int within, DateOnly today, IReadOnlyList<string>? scope, CancellationToken ct)
    {
        var calendar = policy.Calendar;
        var soon = calendar.AddWorkingDays(today, within).Date;
        var noticeFrom = EarliestReceiptWithNoticeDue(today);
        // Counted and LIMITed in SQL (issue 14: at 100,000 open cases, reading every watched row took 775 ms).
        var counts = await caseList.WatchCountsAsync(today, soon, scope, ct);
        async Task<List<CaseRow>> List(string where, string order, IReadOnlyList<DateOnly>? days = null) =>
            (await caseList.WatchListAsync(where, order, today, soon, scope, ListLimit, ct, days)).ToList();
        var byDeadline = "deadline, case_number";
        var overdue = ByDeadline(await List("deadline < @today", byDeadline));
        var dueToday = ByDeadline(await List("deadline = @today", byDeadline));
        var dueSoon = ByDeadline(await List("deadline > @today AND deadline <= @soon", byDeadline));
        var paused = ByDeadline(await List("status = 'Paused'", "received_on, deadline IS NOT NULL, deadline, case_number")).OrderBy(r => r.ReceivedOn).ToList();
        DashboardCase View(CaseRow r, DateOnly? noticeDue = null) => new(r.CaseId, r.CaseNumber, r.Agency, r.ReceivedOn, r.Deadline,
            r.Deadline is { } d ? Left(today, d) : null, r.DeadlineProvisional, r.PausedFor, noticeDue);
        var memo = new Dictionary<DateOnly, int>();
        int Left(DateOnly from, DateOnly to)
        {
            if (!memo.TryGetValue(to, out var days))
            {
                memo[to] = days = from <= to ? calendar.CountWorkingDays(from, to).Days : -calendar.CountWorkingDays(to, from).Days;
            }

            return days;
        }

        // 条例第三十条: a supplement notice goes out within 7 working days of receipt, once. Counted per day of receipt in
        // SQL; the cases listed day group by day group (same due date), most urgent first, until the list is full.
        var noticeDays = (await caseList.NoticeDaysAsync(today, noticeFrom, scope, ct))
            .Select(d => (Day: d.Key, Cases: d.Value, Due: StatutoryClock.SupplementNoticeDue(d.Key, calendar, policy.Settings).Date))
            .Where(d => d.Due >= today)
            .ToList();
        var notices = new List<DashboardCase>();
        foreach (var group in noticeDays.GroupBy(d => d.Due).OrderBy(g => g.Key))
        {
            if (notices.Count >= ListLimit)
            {
                break;
            }

            var rows = await List("status = 'Running' AND supplement_requested = @no AND received_on IN @days", "case_number",
                group.Select(d => d.Day).ToList());
            notices.AddRange(rows.OrderBy(r => r.CaseNumber, StringComparer.Ordinal).Take(ListLimit - notices.Count).Select(r => View(r, group.Key)));
        }

        return new DashboardView(today, agency, within,
            new DashboardCounts(counts.Open, (int)counts.Overdue, (int)counts.DueToday, (int)counts.DueSoon, (int)counts.Paused,
                (int)noticeDays.Sum(d => d.Cases)),
            overdue.Select(r => View(r)).ToList(),
            dueToday.Select(r => View(r)).ToList(),
            dueSoon.Select(r => View(r)).ToList(),
            paused.Select(r => View(r)).ToList(),
            notices);
    }

    /// <summary>Earliest deadline first, then 编号 in ordinal order (the SQL's LIMIT chose the rows; .NET's order is the same everywhere).</summary>
    private static List<CaseRow> ByDeadline(List<CaseRow> rows) =>
        rows.OrderBy(r => r.Deadline).ThenBy(r => r.CaseNumber, StringComparer.Ordinal).ToList();

    /// <summary>The agencies shown as a list for SQL (null: every agency): the one asked for with those under it, within the viewer's reach.</summary>
    private async Task<IReadOnlyList<string>?> ScopeListAsync(Access access, string? agency, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(agency))
        {
            return access.Agencies?.Order(StringComparer.Ordinal).ToList();
        }

        var visible = await ScopeAsync(access, agency, ct);
        return (await agencies.WithEverythingUnderAsync(agency, ct)).Where(visible).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The earliest receipt date whose supplement notice can still be due today (a bound for the query, checked exactly after).</summary>
    private DateOnly EarliestReceiptWithNoticeDue(DateOnly today)
    {
        var from = today;
        while (StatutoryClock.SupplementNoticeDue(from.AddDays(-1), policy.Calendar, policy.Settings).Date >= today)
        {
            from = from.AddDays(-1);
        }

        return from;
    }

    /// <summary>The agencies shown: the one asked for with those under it, never beyond what the viewer reaches.</summary>
    public async Task<Func<string, bool>> ScopeAsync(Access access, string? agency, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(agency))
        {
            return access.CanSee;
        }

        if ((await agencies.ListAsync(ct)).All(a => a.Name != agency))
        {
            throw new UserError("agency", $"机关：“{agency}”未登记。");
        }

        if (!access.CanSee(agency))
        {
            throw new ForbiddenException($"您无权查看“{agency}”的案件。");
        }

        var under = await agencies.WithEverythingUnderAsync(agency, ct);
        return a => under.Contains(a) && access.CanSee(a);
    }
}

using CaseTracker.Agencies;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Pipeline;
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
public sealed class DashboardQuery(CaseListQueries caseList, AgencyDirectory agencies, CasePolicy policy)
{
    /// <summary>The longest a list gets: the most urgent cases; the counts say how many there are in all.</summary>
    public const int ListLimit = 500;

    public async Task<DashboardView> RunAsync(Access access, string? agency, int within, DateOnly today, CancellationToken ct)
    {
        if (within is < 1 or > 60)
        {
            throw new UserError("within", $"临近期限的工作日数：应在 1 到 60 之间（现为 {within}）。");
        }

        var scope = await ScopeAsync(access, agency, ct);
        var calendar = policy.Calendar;
        var soon = calendar.AddWorkingDays(today, within).Date;
        var noticeFrom = EarliestReceiptWithNoticeDue(today);
        var watched = (await caseList.WatchListAsync(today, soon, noticeFrom, ct)).Where(r => scope(r.Agency))
            .OrderBy(r => r.Deadline).ThenBy(r => r.CaseNumber, StringComparer.Ordinal).ToList();
        var open = (await caseList.OpenCountsAsync(today, ct)).Where(c => scope(c.Key)).Sum(c => c.Value);
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

        // 条例第三十条: a supplement notice goes out within 7 working days of receipt, once.
        var notices = watched
            .Where(r => r.Status == CaseStatus.Running && !r.SupplementRequested)
            .Select(r => (Row: r, Due: StatutoryClock.SupplementNoticeDue(r.ReceivedOn, calendar, policy.Settings).Date))
            .Where(n => n.Due >= today)
            .OrderBy(n => n.Due).ThenBy(n => n.Row.CaseNumber, StringComparer.Ordinal)
            .Select(n => View(n.Row, n.Due))
            .ToList();
        var overdue = watched.Where(r => r.Deadline < today).ToList();
        var dueToday = watched.Where(r => r.Deadline == today).ToList();
        var dueSoon = watched.Where(r => r.Deadline > today && r.Deadline <= soon).ToList();
        var paused = watched.Where(r => r.Status == CaseStatus.Paused).OrderBy(r => r.ReceivedOn).ToList();
        return new DashboardView(today, agency, within,
            new DashboardCounts(open, overdue.Count, dueToday.Count, dueSoon.Count, paused.Count, notices.Count),
            overdue.Take(ListLimit).Select(r => View(r)).ToList(),
            dueToday.Take(ListLimit).Select(r => View(r)).ToList(),
            dueSoon.Take(ListLimit).Select(r => View(r)).ToList(),
            paused.Take(ListLimit).Select(r => View(r)).ToList(),
            notices.Take(ListLimit).ToList());
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

using CaseTracker.Agencies;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections.CaseList;
using CaseTracker.EventStore.Sql;
using CaseTracker.Hosting;
using CaseTracker.Pipeline;

namespace CaseTracker.Web.Dashboard;

public sealed record DashboardCase(Guid CaseId, string CaseNumber, string Agency, DateOnly ReceivedOn, DateOnly? Deadline, int? WorkingDaysLeft,
    bool Provisional, string PausedFor, DateOnly? SupplementNoticeDue);

public sealed record DashboardView(
    DateOnly Today,
    string? Agency,
    int Within,
    int OpenCases,
    IReadOnlyList<DashboardCase> Overdue,
    IReadOnlyList<DashboardCase> DueToday,
    IReadOnlyList<DashboardCase> DueSoon,
    IReadOnlyList<DashboardCase> Paused,
    IReadOnlyList<DashboardCase> SupplementNoticesToSend);

/// <summary>The supervisor's watch list from the case read model and today's date, within the agencies the viewer reaches.</summary>
public sealed class DashboardQuery(SqlEventStore store, AgencyDirectory agencies, CasePolicy policy)
{
    public async Task<DashboardView> RunAsync(Access access, string? agency, int within, DateOnly today, CancellationToken ct)
    {
        if (within is < 1 or > 60)
        {
            throw new UserError("within", $"临近期限的工作日数：应在 1 到 60 之间（现为 {within}）。");
        }

        var scope = await ScopeAsync(access, agency, ct);
        var calendar = policy.Calendar;
        var open = (await store.OpenCasesAsync(ct)).Where(r => scope(r.Agency) && r.ReceivedOn <= today).ToList();
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
        var notices = new List<DashboardCase>();
        foreach (var row in open.Where(r => r.Status == CaseStatus.Running && !r.SupplementRequested))
        {
            var due = StatutoryClock.SupplementNoticeDue(row.ReceivedOn, calendar, policy.Settings).Date;
            if (due >= today)
            {
                notices.Add(View(row, due));
            }
        }

        var byDeadline = open.Where(r => r.Deadline is not null).OrderBy(r => r.Deadline).ThenBy(r => r.CaseNumber, StringComparer.Ordinal).ToList();
        return new DashboardView(today, agency, within, open.Count,
            byDeadline.Where(r => r.Deadline < today).Select(r => View(r)).ToList(),
            byDeadline.Where(r => r.Deadline == today).Select(r => View(r)).ToList(),
            byDeadline.Where(r => r.Deadline > today && Left(today, r.Deadline!.Value) <= within).Select(r => View(r)).ToList(),
            open.Where(r => r.Status == CaseStatus.Paused).OrderBy(r => r.ReceivedOn).Select(r => View(r)).ToList(),
            notices.OrderBy(n => n.SupplementNoticeDue).ToList());
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

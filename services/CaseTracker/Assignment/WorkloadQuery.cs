using System.Text.Json;
using CaseTracker.Deadlines;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Projections;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;

namespace CaseTracker.Assignment;

/// <summary>One assignee's open cases (Assignee null: not assigned yet); due soon = within <see cref="WorkloadQuery.SoonDays"/> working days.</summary>
public sealed record WorkloadRow(string? Assignee, long Open, long Overdue, long DueSoon, long Paused);

/// <summary>The supervisors' view: open cases per 承办人 within the agencies they watch.</summary>
public sealed class WorkloadQuery(IReadModelDatabase database, DashboardQuery scopes, Agencies.AgencyDirectory agencies, CasePolicy policy)
{
    public const int SoonDays = 5;

    public async Task<IReadOnlyList<WorkloadRow>> RunAsync(Access access, string? agency, DateOnly today, CancellationToken ct)
    {
        var scope = await scopes.ScopeAsync(access, string.IsNullOrWhiteSpace(agency) ? null : agency.Trim(), ct);
        var names = access.AllAgencies && string.IsNullOrWhiteSpace(agency) ? null
            : (await agencies.ListAsync(ct)).Select(a => a.Name).Where(scope).Order(StringComparer.Ordinal).ToList();
        return await database.QueryAsync("case_workload",
            c => new WorkloadRow(c.NullableString("assignee"), c.Long("open_count"), c.Long("overdue"), c.Long("due_soon"), c.Long("paused")), ct,
            ("agencies", names is null ? null : JsonSerializer.Serialize(names)), ("today", today),
            ("soon", policy.Calendar.AddWorkingDays(today, SoonDays).Date));
    }
}

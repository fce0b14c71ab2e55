using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;
using CaseTracker.ReadModels.CaseList;

namespace CaseTracker.ReadModels;

public sealed partial class ReadModelSet
{
    /// <summary>
    /// Recomputes the stored clock columns (deadline, provisional, status, late) of every open case with the current
    /// calendar and clock settings (issue 9 item 6): called when a holiday notice is loaded, so the case list, the
    /// dashboard and the export follow without <c>projections rebuild</c>. Each case is folded from its stream, as the
    /// projection does; closed cases keep their rows (their lateness was fixed at closing). Returns how many rows changed.
    /// </summary>
    public async Task<int> RefreshOpenDeadlinesAsync(CancellationToken ct)
    {
        var policy = policies.Current;
        var changed = new List<(string Name, object? Value)[]>();
        foreach (var row in await new CaseListQueries(database).OpenCasesAsync(ct))
        {
            var events = await store.ReadStreamAsync(row.StreamId, ct);
            if (events.Count == 0 || CaseRow.From(CaseDecider.Fold(events.Select(e => e.Event)), events[^1], policy) is not { } fresh)
            {
                continue;
            }

            if (fresh.Deadline != row.Deadline || fresh.DeadlineProvisional != row.DeadlineProvisional || fresh.Status != row.Status || fresh.ClosedLate != row.ClosedLate)
            {
                changed.Add(fresh.Parameters());
            }
        }

        if (changed.Count > 0)
        {
            await using var connection = await database.OpenConnectionAsync(ct);
            await using var transaction = await database.BeginWriteAsync(connection, ct);
            await using (var context = new ProjectionContext(connection, transaction, database.Sql, store))
            {
                await context.ExecuteEachAsync("case_row_upsert", changed, ct);
            }

            await transaction.CommitAsync(ct);
        }

        return changed.Count;
    }
}

using System.Security.Cryptography;
using System.Text;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Projections;
using CaseTracker.ReadModels.CaseList;

namespace CaseTracker.ReadModels;

public sealed partial class ReadModelSet
{
    /// <summary>Where the fingerprint of the calendar and clock settings the stored deadlines were computed with is kept.</summary>
    public const string ClockCollection = "read-model-clock";

    /// <summary>
    /// At start-up: when the calendar or the clock settings (CASETRACKER_DAY_ONE, …) differ from those the stored
    /// deadlines were computed with, refreshes the open cases' deadlines and records the new fingerprint. Returns the
    /// rows changed (0 when nothing differs).
    /// </summary>
    public async Task<int> RefreshIfClockChangedAsync(DocumentStore documents, CancellationToken ct)
    {
        var fingerprint = ClockFingerprint();
        if ((await documents.GetAsync<string>(ClockCollection, "case-list", ct))?.Value == fingerprint)
        {
            return 0;
        }

        var changed = await RefreshOpenDeadlinesAsync(ct);
        await documents.PutAsync(ClockCollection, "case-list", fingerprint, "system", ct: ct);
        return changed;
    }

    /// <summary>SHA-256 of the calendar (every day listed) and the clock settings of the current policy.</summary>
    public string ClockFingerprint()
    {
        var policy = policies.Current;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(policy.Calendar.ToCsv() + "\n" + policy.Settings)));
    }

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

            if (fresh.Deadline != row.Deadline || fresh.DeadlineProvisional != row.DeadlineProvisional
                || fresh.Status != row.Status || fresh.ClosedLate != row.ClosedLate)
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

using CaseTracker.Agencies;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.EventStore;
using CaseTracker.Ledger.Export;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels.CaseList;

namespace CaseTracker.Ledger;

public enum StatusFilter
{
    All,
    Open,
    Closed,
}

/// <param name="Agency">Null: every agency.</param>
public sealed record CaseFilter(string? Agency, bool IncludeSubordinates, StatusFilter Status, bool OverdueOnly, DateOnly AsOf);

/// <summary>The cases a supervisor asked for, each as it stood on the as-of date with its clock: the export's rows.</summary>
public sealed class LedgerExportQuery(CaseListQueries caseList, IEventStore store, AgencyDirectory agencies, CasePolicy policy)
{
    public async IAsyncEnumerable<LedgerExportRow> RowsAsync(CaseFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        IReadOnlySet<string>? scope = null;
        if (filter.Agency is { } agency)
        {
            if ((await agencies.ListAsync(ct)).All(a => a.Name != agency))
            {
                throw new UserError("--agency", $"机关“{agency}”未登记。可用 casetracker agencies list 查看已登记的机关。");
            }

            scope = filter.IncludeSubordinates ? await agencies.WithEverythingUnderAsync(agency, ct) : new HashSet<string> { agency };
        }

        var rows = (await caseList.AllAsync(ct))
            .OrderBy(r => r.Agency, StringComparer.Ordinal).ThenBy(r => r.ReceivedOn).ThenBy(r => r.CaseNumber, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.ReceivedOn > filter.AsOf || (scope is not null && !scope.Contains(row.Agency)))
            {
                continue;
            }

            var state = (await store.LoadCaseAsync(row.CaseId, ct)).AsOf(filter.AsOf);
            var reading = StatutoryClock.Read(state, filter.AsOf, policy.Calendar, policy.Settings);
            var closed = reading.Status == CaseStatus.Closed;
            if ((filter.Status == StatusFilter.Open && closed) || (filter.Status == StatusFilter.Closed && !closed) || (filter.OverdueOnly && !reading.Overdue))
            {
                continue;
            }

            yield return new LedgerExportRow(state, reading);
        }
    }
}

using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;

namespace CaseTracker.Ledger.Export;

/// <summary>
/// Which cases an export shows (spec ledger.md: agency, status, overdue only, as-of date). The agency list is the
/// caller's: it knows which agencies are under which.
/// </summary>
public sealed record LedgerExportFilter(DateOnly AsOf)
{
    /// <summary>Null: every agency.</summary>
    public IReadOnlySet<string>? Agencies { get; init; }

    /// <summary>Null: every status.</summary>
    public IReadOnlySet<CaseStatus>? Statuses { get; init; }

    /// <summary>Only rows whose 是否超期 is 是: open past the deadline, or closed after it.</summary>
    public bool OverdueOnly { get; init; }

    /// <summary>
    /// The rows to export: each case as it stood on the as-of date (later milestones left out; cases not yet received
    /// left out), with its clock reading on that date.
    /// </summary>
    public IEnumerable<LedgerExportRow> Apply(IEnumerable<CaseState> cases, CasePolicy policy)
    {
        foreach (var state in cases)
        {
            var asOf = state.AsOf(AsOf);
            if (asOf.Receipt is not { } receipt || (Agencies is not null && !Agencies.Contains(receipt.Agency)))
            {
                continue;
            }

            var reading = StatutoryClock.Read(asOf, AsOf, policy.Calendar, policy.Settings);
            var overdue = reading.Status == CaseStatus.Closed ? reading.ClosedLate : reading.Overdue;
            if ((Statuses is null || Statuses.Contains(reading.Status)) && (!OverdueOnly || overdue))
            {
                yield return new LedgerExportRow(asOf, reading);
            }
        }
    }
}

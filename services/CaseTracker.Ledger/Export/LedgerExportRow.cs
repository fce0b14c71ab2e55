using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;

namespace CaseTracker.Ledger.Export;

/// <summary>One case to export and what the statutory clock says of it on the export's as-of date.</summary>
public sealed record LedgerExportRow(CaseState State, ClockReading Reading)
{
    public IEnumerable<LedgerValue> Values => LedgerCells.Ledger(State).Concat(LedgerCells.Computed(Reading));

    public static IReadOnlyList<string> Columns { get; } = [.. LedgerColumns.Ledger, .. LedgerColumns.Computed];
}

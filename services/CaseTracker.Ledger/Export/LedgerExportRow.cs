using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;

namespace CaseTracker.Ledger.Export;

/// <summary>One case to export and what the statutory clock says of it on the export's as-of date.</summary>
public sealed record LedgerExportRow(CaseState State, ClockReading Reading)
{
    /// <summary>
    /// The row's cells, worked out once when the row is made (the export makes its rows on every core, and the writer,
    /// one thread, then only writes them: issue 14).
    /// </summary>
    public IReadOnlyList<LedgerValue> Values { get; } = [.. LedgerCells.Ledger(State), .. LedgerCells.Computed(Reading)];

    public static IReadOnlyList<string> Columns { get; } = [.. LedgerColumns.Ledger, .. LedgerColumns.Computed];
}

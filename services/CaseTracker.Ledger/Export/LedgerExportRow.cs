using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;

namespace CaseTracker.Ledger.Export;

/// <summary>
/// One case to export and what the statutory clock says of it on the export's as-of date. A class, not a record: its
/// cells are worked out from the two when the row is made, and a record's <c>with</c> would copy them unchanged beside a
/// changed state.
/// </summary>
public sealed class LedgerExportRow(CaseState state, ClockReading reading)
{
    public CaseState State { get; } = state;

    public ClockReading Reading { get; } = reading;

    /// <summary>
    /// The row's cells, worked out once when the row is made (the export makes its rows on every core, and the writer,
    /// one thread, then only writes them: issue 14).
    /// </summary>
    public IReadOnlyList<LedgerValue> Values { get; } = [.. LedgerCells.Ledger(state), .. LedgerCells.Computed(reading)];

    public static IReadOnlyList<string> Columns { get; } = [.. LedgerColumns.Ledger, .. LedgerColumns.Computed];
}

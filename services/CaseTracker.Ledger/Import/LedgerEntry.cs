namespace CaseTracker.Ledger.Import;

/// <summary>A valid ledger row: its case and the milestone commands that build it, in order.</summary>
public sealed record PlannedCase(int Row, LedgerCaseKey Key, IReadOnlyList<LedgerStep> Steps)
{
    /// <summary>What an old ledger did not record and the import filled in or accepted (<see cref="LedgerLeniency"/>).</summary>
    public IReadOnlyList<string> Leniencies { get; init; } = [];

    /// <summary>The row's cells as read, hashed: a row read again with another fingerprint was changed in between.</summary>
    public long Fingerprint { get; init; }

    public Guid CaseId => Key.CaseId;

    public IEnumerable<Domain.Cases.CaseCommand> Commands => Steps.Select(s => s.Command);
}

/// <summary>What a plan keeps of a valid row when it does not keep its milestones (<see cref="LedgerImportOptions.KeepCases"/>).</summary>
public sealed record PlannedRow(int Row, LedgerCaseKey Key, IReadOnlyList<string> Leniencies)
{
    public Guid CaseId => Key.CaseId;

    /// <summary>See <see cref="PlannedCase.Fingerprint"/>.</summary>
    public long Fingerprint { get; init; }

    public static PlannedRow Of(PlannedCase planned) => new(planned.Row, planned.Key, planned.Leniencies) { Fingerprint = planned.Fingerprint };
}

/// <summary>A row that cannot be imported: why, and its cells as written (for the rejects file).</summary>
public sealed record RejectedRow(int Row, LedgerCaseKey? Key, IReadOnlyList<LedgerProblem> Problems, IReadOnlyList<string> Cells)
{
    /// <summary>Another row of the file with the same 办理机关 + 编号.</summary>
    public int? DuplicateOf { get; init; }
}

/// <summary>What reading a ledger yields, one item at a time (see <see cref="LedgerImporter.Read"/>).</summary>
public abstract record LedgerEntry
{
    private LedgerEntry()
    {
    }

    /// <summary>The header row as written, once, before any data row.</summary>
    public sealed record Header(IReadOnlyList<string> Names) : LedgerEntry;

    /// <summary>Something ignored (an unknown column, cells without a header); the import goes on.</summary>
    public sealed record Warning(LedgerProblem Problem) : LedgerEntry;

    public sealed record Valid(PlannedCase Case) : LedgerEntry;

    public sealed record Invalid(RejectedRow Row) : LedgerEntry;

    /// <summary>The file as a whole cannot be imported (encoding, empty, header); nothing follows.</summary>
    public sealed record Unreadable(IReadOnlyList<LedgerProblem> Problems) : LedgerEntry;
}

namespace CaseTracker.Ledger.Reading;

/// <summary>One cell as read: its text, the date when the spreadsheet stored a real date, and whether it was over the size limit (then not kept).</summary>
public readonly record struct LedgerCell(string Text, DateOnly? Date = null, bool TooLong = false)
{
    public static readonly LedgerCell Empty = new("");

    public bool IsBlank => !TooLong && Date is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>One row of the sheet; <paramref name="Number"/> is the row number the spreadsheet shows.</summary>
public sealed record RawRow(int Number, IReadOnlyList<LedgerCell> Cells)
{
    public bool IsBlank => Cells.All(c => c.IsBlank);
}

/// <summary>The file cannot be read on from this point (encoding, broken quoting, broken workbook).</summary>
public sealed class LedgerReadException(LedgerProblem problem) : Exception(problem.Reason)
{
    public LedgerProblem Problem { get; } = problem;
}

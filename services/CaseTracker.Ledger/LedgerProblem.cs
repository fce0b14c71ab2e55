namespace CaseTracker.Ledger;

/// <summary>
/// An error or warning about a ledger file, for the user, in Chinese. <paramref name="Row"/> is the row number as the
/// spreadsheet shows it (the header is row 1); null for a problem with the whole file.
/// </summary>
public sealed record LedgerProblem(int? Row, string? Column, string Reason)
{
    public override string ToString() => (Row, Column) switch
    {
        (null, null) => Reason,
        (null, { } column) => $"「{column}」列：{Reason}",
        ({ } row, null) => $"第{row}行：{Reason}",
        ({ } row, { } column) => $"第{row}行「{column}」：{Reason}",
    };
}

namespace CaseTracker.Ledger.Import;

/// <summary>
/// The ledger read again to write it (<see cref="LedgerImporter.ReadCases"/>) is not the file that was checked: it was
/// changed or replaced in between. What was written before stays (whole chunks, journaled); importing again completes it.
/// </summary>
public sealed class LedgerChangedException(int row, string what)
    : Exception($"台账文件在校验之后被修改（第{row}行：{what}），导入已停止：请勿在导入期间修改文件，确认文件后重新导入（已写入的不会重复写入）。")
{
    public int Row { get; } = row;
}

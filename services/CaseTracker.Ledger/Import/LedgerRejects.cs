using CaseTracker.Ledger.Export;

namespace CaseTracker.Ledger.Import;

/// <summary>
/// The rejected rows of a plan as a CSV file with the file's own columns plus 错误原因: fix the cells, import it again
/// (the 错误原因 column is ignored on import).
/// </summary>
public static class LedgerRejects
{
    public static void WriteCsv(Stream stream, LedgerImportPlan plan)
    {
        var header = plan.Header.Where(h => h != LedgerColumns.ErrorReason).ToList();
        var keep = plan.Header.Select((name, index) => (name, index)).Where(c => c.name != LedgerColumns.ErrorReason).Select(c => c.index).ToList();
        var rows = plan.Rejected.Select(r =>
            keep.Select(i => i < r.Cells.Count ? r.Cells[i] : "").Append(string.Join("；", r.Problems.Select(Reason))));
        CsvLedgerWriter.Write(stream, [.. header, LedgerColumns.ErrorReason], rows);
    }

    private static string Reason(LedgerProblem p) => p.Column is null ? p.Reason : $"「{p.Column}」{p.Reason}";
}

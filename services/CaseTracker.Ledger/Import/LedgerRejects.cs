using CaseTracker.Ledger.Export;
using CaseTracker.Ledger.Reading;

namespace CaseTracker.Ledger.Import;

/// <summary>
/// The rejected rows of a plan as a CSV file with the file's own columns plus 错误原因: fix the cells, import it again
/// (the 错误原因 column is ignored on import).
/// </summary>
public static class LedgerRejects
{
    /// <param name="source">
    /// The ledger read again (with the options it was planned with), for the rows whose cells the plan did not keep:
    /// the earlier row of a repeated 编号 in a plan without milestones (<see cref="LedgerImportOptions.KeepCases"/>).
    /// </param>
    public static void WriteCsv(Stream stream, LedgerImportPlan plan, (Func<Stream> Open, LedgerImportOptions Options)? source = null)
    {
        var header = plan.Header.Where(h => h != LedgerColumns.ErrorReason).ToList();
        var keep = plan.Header.Select((name, index) => (name, index)).Where(c => c.name != LedgerColumns.ErrorReason).Select(c => c.index).ToList();
        var read = source is { } s ? CellsFromFile(plan, s.Open, s.Options) : [];
        var rows = plan.Rejected.Select(r => (Cells: r.Cells.Count == 0 && read.TryGetValue(r.Row, out var cells) ? cells : r.Cells, Row: r))
            .Select(r => keep.Select(i => i < r.Cells.Count ? r.Cells[i] : "").Append(string.Join("；", r.Row.Problems.Select(Reason))));
        CsvLedgerWriter.Write(stream, [.. header, LedgerColumns.ErrorReason], rows);
    }

    private static Dictionary<int, IReadOnlyList<string>> CellsFromFile(LedgerImportPlan plan, Func<Stream> open, LedgerImportOptions options)
    {
        var wanted = plan.Rejected.Where(r => r.Cells.Count == 0).Select(r => r.Row).ToHashSet();
        var found = new Dictionary<int, IReadOnlyList<string>>();
        if (wanted.Count == 0)
        {
            return found;
        }

        using var stream = open();
        foreach (var row in LedgerSource.Rows(stream, options.Format, options.Limits with { MaxCellLength = options.MaxCellLength }))
        {
            if (wanted.Contains(row.Number))
            {
                found[row.Number] = Enumerable.Range(0, plan.Header.Count).Select(i => i < row.Cells.Count ? row.Cells[i].Text : "").ToList();
            }
        }

        return found;
    }

    private static string Reason(LedgerProblem p) => p.Column is null ? p.Reason : $"「{p.Column}」{p.Reason}";
}

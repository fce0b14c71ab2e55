using CaseTracker.Ledger.Reading;

namespace CaseTracker.Ledger.Import;

/// <summary>One data row read, mapped, checked for a repeated 办理机关 + 编号 and validated by the decider.</summary>
internal static class LedgerRowEntry
{
    public static LedgerEntry Of(RawRow row, LedgerHeader header, Dictionary<LedgerCaseKey, int>? firstRowOf, LedgerImportOptions options, bool validate = true)
    {
        var reader = new RowReader(header, row);
        var (key, steps) = LedgerMapping.Map(reader, options.Policy);
        var problems = reader.Problems;
        int? duplicateOf = null;
        if (key is not null && firstRowOf is not null)
        {
            if (firstRowOf.TryGetValue(key, out var first))
            {
                duplicateOf = first;
                problems.Add(LedgerImportPlanBuilder.Duplicate(row.Number, key, first));
            }
            else
            {
                firstRowOf[key] = row.Number;
            }
        }

        if (validate && problems.Count == 0 && LedgerValidation.Check(row.Number, steps, options.Policy) is { } refusal)
        {
            problems.Add(refusal);
        }

        return problems.Count == 0 && key is not null
            ? new LedgerEntry.Valid(new PlannedCase(row.Number, key, steps) { Leniencies = reader.Leniencies, Fingerprint = Fingerprint(row) })
            : new LedgerEntry.Invalid(new RejectedRow(row.Number, key, problems, Texts(row, header)) { DuplicateOf = duplicateOf });
    }

    /// <summary>FNV-1a (64 bits) over every cell's text, date and size flag: whether a row read again is the row checked.</summary>
    public static long Fingerprint(RawRow row)
    {
        var hash = 14695981039346656037UL;
        void Add(int value)
        {
            hash = (hash ^ (uint)value) * 1099511628211UL;
        }

        foreach (var cell in row.Cells)
        {
            foreach (var c in cell.Text)
            {
                Add(c);
            }

            Add(cell.Date?.DayNumber ?? -1);
            Add(cell.TooLong ? 1 : 0);
            Add(-2);
        }

        return unchecked((long)hash);
    }

    public static bool HasCellsWithoutHeader(RawRow row, LedgerHeader header)
    {
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (!row.Cells[i].IsBlank && (i >= header.Names.Count || header.Names[i].Length == 0))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Texts(RawRow row, LedgerHeader header) =>
        Enumerable.Range(0, header.Names.Count).Select(i => i < row.Cells.Count ? row.Cells[i].Text : "").ToList();
}

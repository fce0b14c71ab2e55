using CaseTracker.Ledger.Reading;

namespace CaseTracker.Ledger.Import;

/// <summary>The header row: which column holds which ledger field. Column order is free (spec ledger.md).</summary>
internal sealed class LedgerHeader
{
    private readonly Dictionary<string, int> _index;

    private LedgerHeader(int row, IReadOnlyList<string> names, Dictionary<string, int> index)
    {
        Row = row;
        Names = names;
        _index = index;
    }

    /// <summary>How many rows (a title such as “2023年依申请公开台账”, a date line) may come before the header.</summary>
    public const int MaxTitleRows = 5;

    public int Row { get; }

    /// <summary>The header cells as written, for the rejects file.</summary>
    public IReadOnlyList<string> Names { get; }

    public int? IndexOf(string column) => _index.TryGetValue(column, out var i) ? i : null;

    public string NameAt(int index) =>
        index < Names.Count && Names[index].Length > 0 ? Names[index] : $"第{index + 1}列";

    /// <summary>A row with at least two ledger column names is the header; rows above it are titles.</summary>
    public static bool LooksLikeHeader(RawRow row) =>
        row.Cells.Count(c => !c.TooLong && LedgerColumns.IsKnown(c.Text.Trim())) >= 2;

    /// <summary>Binds the header; errors for a duplicate or missing required column, a warning per unknown column.</summary>
    public static (LedgerHeader? Header, List<LedgerProblem> Errors, List<LedgerProblem> Warnings) Bind(RawRow row)
    {
        var errors = new List<LedgerProblem>();
        var warnings = new List<LedgerProblem>();
        var names = row.Cells.Select(c => c.TooLong ? "" : c.Text.Trim()).ToList();
        if (names.Count(n => n.Length > 0) == 1 && names.First(n => n.Length > 0) is var only && only.IndexOfAny(['\t', ';', '；', '|']) >= 0)
        {
            return (null, [new(row.Number, null, "表头只有一列，其中含有制表符或分号：文件似乎不是用英文逗号分隔的。请在Excel中另存为“CSV UTF-8（逗号分隔）(*.csv)”后重新导入。")], warnings);
        }

        var index = new Dictionary<string, int>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name.Length == 0)
            {
                continue;
            }

            if (index.ContainsKey(name))
            {
                if (LedgerColumns.IsKnown(name) && errors.All(e => e.Column != name))
                {
                    errors.Add(new(row.Number, name, $"表头中“{name}”列出现了不止一次，无法确定以哪一列为准，请删除重复的列。"));
                }

                continue;
            }

            index[name] = i;
            if (!LedgerColumns.IsKnown(name))
            {
                warnings.Add(new(row.Number, name, $"“{name}”不是台账的列，已忽略（只报告一次）。"));
            }
        }

        foreach (var required in LedgerColumns.Required.Where(r => !index.ContainsKey(r)))
        {
            errors.Add(new(row.Number, required, $"缺少必填列“{required}”。必填列：{string.Join("、", LedgerColumns.Required)}。"));
        }

        return (errors.Count == 0 ? new LedgerHeader(row.Number, names, index) : null, errors, warnings);
    }
}

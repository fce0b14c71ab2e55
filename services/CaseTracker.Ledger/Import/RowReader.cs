using CaseTracker.Domain.Text;
using CaseTracker.Ledger.Reading;

namespace CaseTracker.Ledger.Import;

/// <summary>Reads the fields of one data row by column name, collecting every problem (row, column, reason).</summary>
internal sealed class RowReader
{
    private readonly LedgerHeader _header;
    private readonly RawRow _row;

    public RowReader(LedgerHeader header, RawRow row)
    {
        _header = header;
        _row = row;
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (row.Cells[i].TooLong)
            {
                Problems.Add(new(row.Number, header.NameAt(i), "单元格内容过长（超过大小上限），未读入。请缩短内容后重新导入。"));
            }
            else if (i < header.Names.Count && TextRules.ForbiddenCharacter(row.Cells[i].Text) is { } control)
            {
                // Refused here, on its row and column, before any row is written (PostgreSQL cannot store U+0000 at all).
                Problems.Add(new(row.Number, header.NameAt(i), TextRules.Reason("单元格", control)));
            }
        }
    }

    public int Row => _row.Number;

    public List<LedgerProblem> Problems { get; } = [];

    public void Fail(string column, string reason) => Problems.Add(new(_row.Number, column, reason));

    /// <summary>What the row left unsaid that the import filled in or accepted (each kind counted in the import summary).</summary>
    public List<string> Leniencies { get; } = [];

    public void Lenient(string what)
    {
        if (!Leniencies.Contains(what))
        {
            Leniencies.Add(what);
        }
    }

    /// <summary>The trimmed text of a column; empty when the file has no such column or the cell is empty.</summary>
    public string Text(string column) => Cell(column) is { TooLong: false } cell ? Export.CsvLedgerWriter.Unguard(cell.Text.Trim()) : "";

    public string Required(string column)
    {
        var text = Text(column);
        if (Cell(column) is not { } cell || cell.IsBlank)
        {
            Fail(column, $"“{column}”是必填项，不能为空。");
        }

        return text;
    }

    public DateOnly? Date(string column)
    {
        if (Cell(column) is not { TooLong: false } cell)
        {
            return null;
        }

        if (cell.Date is { } stored)
        {
            return Checked(column, LedgerDates.Check(stored));
        }

        return cell.Text.Trim().Length == 0 ? null : Checked(column, LedgerDates.Parse(cell.Text));
    }

    public DateOnly? RequiredDate(string column)
    {
        var date = Date(column);
        if (Cell(column) is not { } cell || cell.IsBlank)
        {
            Fail(column, $"“{column}”是必填项，不能为空。可接受的格式：{LedgerDates.AcceptedForms}。");
        }

        return date;
    }

    /// <summary>One of a closed list of labels; empty is null; anything else is an error listing the accepted values.</summary>
    public T? Choice<T>(string column, IReadOnlyList<(T Value, string Label)> vocabulary)
        where T : struct
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        foreach (var (value, label) in vocabulary)
        {
            if (label == text)
            {
                return value;
            }
        }

        Fail(column, $"“{Show(text)}”不是“{column}”的可选值。可选值：{string.Join("、", vocabulary.Select(v => v.Label))}。");
        return null;
    }

    public T? RequiredChoice<T>(string column, IReadOnlyList<(T Value, string Label)> vocabulary)
        where T : struct
    {
        if (Cell(column) is not { } cell || cell.IsBlank)
        {
            Fail(column, $"“{column}”是必填项，不能为空。可选值：{string.Join("、", vocabulary.Select(v => v.Label))}。");
            return null;
        }

        return Choice(column, vocabulary);
    }

    public static string Show(string text) => text.Length > 30 ? text[..30] + "…" : text;

    private LedgerCell? Cell(string column) =>
        _header.IndexOf(column) is { } index && index < _row.Cells.Count ? _row.Cells[index] : null;

    private DateOnly? Checked(string column, (DateOnly? Date, string? Error) parsed)
    {
        if (parsed.Error is { } error)
        {
            Fail(column, error);
        }

        return parsed.Date;
    }
}

using System.Globalization;
using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Validation;

namespace CaseTracker.Reporting.Publishing;

/// <summary>One cell that differs between two reports; the message says it in Chinese.</summary>
public sealed record CellChange(string Cell, decimal? Published, decimal? Produced, string Message);

/// <summary>Compares a published report with a produced one, cell by cell (rows matched by their printed labels).</summary>
public static class ReportDiff
{
    public static IReadOnlyList<CellChange> Compare(AnnualReport published, AnnualReport produced)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(produced);
        var changes = new List<CellChange>();
        if (published.Agency != produced.Agency || published.Year != produced.Year || published.Format != produced.Format)
        {
            changes.Add(new("报告", null, null,
                $"报告不是同一份：公布的是{published.Agency}{published.Year}年（{published.Format.Label()}），"
                + $"生成的是{produced.Agency}{produced.Year}年（{produced.Format.Label()}）"));
        }

        var layout = Section3Layout.For(published.Format).Concat(Section3Layout.For(produced.Format)).DistinctBy(s => s.Label).ToList();
        foreach (var spec in layout)
        {
            var before = published.Section3.Rows.FirstOrDefault(r => r.Label == spec.Label);
            var after = produced.Section3.Rows.FirstOrDefault(r => r.Label == spec.Label);
            for (var c = 0; c < ApplicantColumns.Labels.Count && (before is not null || after is not null); c++)
            {
                Add(changes, CellNames.Cell(spec, c), before?.Values[c], after?.Values[c]);
            }
        }

        foreach (var ((key, before), (_, after)) in published.Section4.Cells().Zip(produced.Section4.Cells()))
        {
            Add(changes, $"第四部分“{key}”", before, after);
        }

        CompareSection2(published.Section2, produced.Section2, changes);
        return changes;
    }

    private static void CompareSection2(ProactiveDisclosure? published, ProactiveDisclosure? produced, List<CellChange> changes)
    {
        var tables = (published?.Tables ?? []).Concat(produced?.Tables ?? []);
        var cells = tables.SelectMany(t => t.Rows.SelectMany(r => t.Columns.Select(c => (t.Caption, Row: r.Label, Column: c.Label)))).Distinct();
        foreach (var (caption, row, column) in cells)
        {
            Add(changes, $"第二部分{caption}“{row}”·{column}", published?.Value(caption, row, column), produced?.Value(caption, row, column));
        }
    }

    private static void Add(List<CellChange> changes, string cell, decimal? before, decimal? after)
    {
        if (before == after)
        {
            return;
        }

        var message = (before, after) switch
        {
            (null, { } a) => $"{cell}：公布的报告中没有此栏，现为{Show(a)}",
            ({ } b, null) => $"{cell}：公布时为{Show(b)}，现在的报告中没有此栏",
            ({ } b, { } a) => $"{cell}：公布时为{Show(b)}，现为{Show(a)}（{(a - b).ToString("+0.####;-0.####", CultureInfo.InvariantCulture)}）",
            _ => cell,
        };
        changes.Add(new(cell, before, after, message));
    }

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Collections.Immutable;

namespace CaseTracker.Reporting.Tables;

/// <summary>One row of section 三: the 7 numbers in column order (six applicant types, then 总计).</summary>
public sealed record Section3Row(string Code, string Label, ImmutableArray<int> Values)
{
    public int this[int column] => Values[column];
}

/// <summary>Section 三 of a report, as produced, imported or typed in. Rows follow the format's layout.</summary>
public sealed record Section3Table(ReportFormat Format, ImmutableArray<Section3Row> Rows)
{
    public Section3Row? Row(string code) => Rows.FirstOrDefault(r => r.Code == code);

    public int Value(string code, int column) => Row(code)?.Values[column] ?? 0;

    /// <summary>A table in the format's layout from values given per row code; rows not given are zero.</summary>
    public static Section3Table FromValues(ReportFormat format, IReadOnlyDictionary<string, int[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var rows = Section3Layout.For(format)
            .Select(spec => new Section3Row(spec.Code, spec.Label,
                values.TryGetValue(spec.Code, out var v) ? [.. v] : ImmutableArray.Create(new int[ApplicantColumns.Labels.Count])))
            .ToImmutableArray();
        return new Section3Table(format, rows);
    }
}

using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Tests.Support;

public static class Cells
{
    /// <summary>Every number of sections 三 and 四, labelled, in printed order.</summary>
    public static IReadOnlyList<(string Cell, int Value)> Of(AnnualReport report) =>
    [
        .. report.Section3.Rows.SelectMany(r => r.Values.Select((v, c) => ($"{r.Label}·{Reference.Columns[c]}", v))),
        .. report.Section4.Cells().Select(p => (p.Key, p.Value)),
    ];
}

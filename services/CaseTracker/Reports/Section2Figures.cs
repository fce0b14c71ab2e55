using CaseTracker.EventStore.Documents;
using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reports;

/// <summary>Section 二 (主动公开政府信息情况) as entered per agency and year (collection "section2-figures").</summary>
public sealed class Section2Figures(DocumentStore documents)
{
    public const string Collection = "section2-figures";

    public static string Key(string agency, int year) => $"{agency}|{year}";

    public async Task<ProactiveDisclosure?> FindAsync(string agency, int year, CancellationToken ct) =>
        (await documents.GetAsync<ProactiveDisclosure>(Collection, Key(agency, year), ct))?.Value;

    public Task SaveAsync(ProactiveDisclosure figures, string by, CancellationToken ct) =>
        documents.PutAsync(Collection, Key(figures.Agency, figures.Year), figures, by, ct: ct);

    /// <summary>The figures a report prints: the agency's own, or the sum over the agencies it covers; null if none were entered.</summary>
    public async Task<ProactiveDisclosure?> ForReportAsync(AnnualReport report, IReadOnlySet<string> agencies, CancellationToken ct)
    {
        var parts = new List<ProactiveDisclosure>();
        foreach (var agency in agencies)
        {
            if (await FindAsync(agency, report.Year, ct) is { } figures && figures.Format == report.Format)
            {
                parts.Add(figures);
            }
        }

        return parts.Count switch
        {
            0 => null,
            1 when agencies.Count == 1 => parts[0],
            _ => ProactiveDisclosure.Sum(report.Agency, report.Year, report.Format, parts),
        };
    }
}

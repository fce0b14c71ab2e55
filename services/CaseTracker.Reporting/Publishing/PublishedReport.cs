using CaseTracker.Reporting.Rendering.Json;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Validation;

namespace CaseTracker.Reporting.Publishing;

/// <summary>
/// A published report, frozen: the figures as they were on the day of publication, with their JSON text (the form
/// to store). Producing the report again later never changes it; <see cref="Publication.Changes"/> shows what moved.
/// </summary>
public sealed record PublishedReport(AnnualReport Report, DateOnly PublishedOn, string Json);

public sealed record PublicationResult(PublishedReport? Published, IReadOnlyList<TableProblem> Problems);

public static class Publication
{
    /// <summary>Freezes a report for publication; refused (nothing frozen) if the report does not add up.</summary>
    public static PublicationResult Freeze(AnnualReport report, DateOnly publishedOn, AnnualReport? lastYear = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var problems = TableValidator.Validate(report, lastYear);
        return problems.Count > 0
            ? new PublicationResult(null, problems)
            : new PublicationResult(new PublishedReport(report, publishedOn, JsonReportWriter.Write(report)), []);
    }

    /// <summary>A published report read back from its stored JSON.</summary>
    public static PublishedReport? Thaw(string json, DateOnly publishedOn) =>
        JsonReportReader.Read(json).Report is { } report ? new PublishedReport(report, publishedOn, json) : null;

    /// <summary>What changed between the published report and the same report produced again now, cell by cell.</summary>
    public static IReadOnlyList<CellChange> Changes(PublishedReport published, AnnualReport reproduced)
    {
        ArgumentNullException.ThrowIfNull(published);
        return ReportDiff.Compare(published.Report, reproduced);
    }
}

using CaseTracker.Reporting.Publishing;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Validation;

namespace CaseTracker.Reports;

/// <summary>A report as the report page shows it: the tables, what the checks found, and its publication if any.</summary>
public sealed record ProducedReport(ReportAsk Ask, AnnualReport Report, IReadOnlyList<TableProblem> Problems, PublishedReport? Published,
    IReadOnlyList<CellChange> Changes);

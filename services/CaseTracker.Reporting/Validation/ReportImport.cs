using CaseTracker.Reporting.Rendering.Json;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Validation;

/// <summary>The outcome of checking a report received from outside: the report if it could be read, and every problem in Chinese.</summary>
public sealed record ImportCheck(AnnualReport? Report, IReadOnlyList<string> Problems)
{
    public bool Accepted => Report is not null && Problems.Count == 0;
}

public static class ReportImport
{
    /// <summary>Reads a report in the JSON shape and validates it (against last year's report when given).</summary>
    public static ImportCheck Check(string json, AnnualReport? lastYear = null)
    {
        var read = JsonReportReader.Read(json);
        return read.Report is { } report
            ? new ImportCheck(report, [.. TableValidator.Validate(report, lastYear).Select(p => p.Message)])
            : new ImportCheck(null, read.Errors);
    }
}

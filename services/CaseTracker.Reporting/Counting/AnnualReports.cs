using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Counting;

/// <summary>The year-end tables as a pure function of the case records and the request.</summary>
public static class AnnualReports
{
    /// <summary>Produces sections 三 and 四 (and carries section 二's recorded figures) in one pass over the records.</summary>
    public static AnnualReport Produce(IEnumerable<CaseRecord> records, ReportRequest request, IEnumerable<AgencyAppealRecord>? agencyAppeals = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var accumulator = new ReportAccumulator(request);
        foreach (var record in records)
        {
            accumulator.Add(record);
        }

        foreach (var appeal in agencyAppeals ?? [])
        {
            accumulator.AddAgencyAppeal(appeal);
        }

        return accumulator.Build();
    }
}

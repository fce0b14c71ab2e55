using CaseTracker.Agencies;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels.CaseList;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reports;

/// <param name="Format">Null: the format due for the year.</param>
public sealed record ReportQuery(string Agency, bool IncludeSubordinates, int Year, ReportFormat? Format, DateOnly AsOf);

/// <summary>The year-end tables from the case read model (a pure function of its rows and a date), with section 二 as entered.</summary>
public sealed class YearEndReports(ReportQueries rows, AgencyDirectory agencies, Section2Figures section2, AgencyAppeals agencyAppeals)
{
    public async Task<AnnualReport> ProduceAsync(ReportQuery query, CancellationToken ct)
    {
        var tree = await agencies.TreeAsync(ct);
        var known = await agencies.ListAsync(ct);
        if (known.All(a => a.Name != query.Agency))
        {
            throw new UserError("--agency", $"机关“{query.Agency}”未登记。可用 casetracker agencies list 查看已登记的机关。");
        }

        if (query.Year is < 2008 or > 9999)
        {
            throw new UserError("--year", $"年度“{query.Year}”无效：应为 2008 年（条例施行）以后的年份。");
        }

        var selection = query.IncludeSubordinates ? AgencySelection.WithEverythingUnder(query.Agency, tree) : AgencySelection.Only(query.Agency);
        var request = new ReportRequest(selection, query.Year, query.AsOf, query.Format);
        var accumulator = new ReportAccumulator(request);
        var appeals = await rows.AppealsForYearAsync(request.YearStart, request.Cutoff, ct);
        var fees = await rows.FeesForYearAsync(request.YearStart, request.Cutoff, ct);
        await foreach (var row in rows.CasesForYearAsync(request.YearStart, request.PreviousCutoff, request.Cutoff, ct))
        {
            if (selection.Contains(row.Agency))
            {
                accumulator.Add(new CaseRecord(row.CaseId, row.Agency, row.ApplicantType, row.ReceivedOn, row.ClosedOn, row.Outcome,
                    appeals[row.CaseId]
                        .Select(a => new AppealRecord(a.AppealId, a.Kind, a.AfterReconsideration, a.FiledOn, a.ConcludedOn, a.Result))
                        .ToList(),
                    row.Channel,
                    fees.TryGetValue(row.CaseId, out var fee)
                        ? new FeeRecord(fee.NoticeOn, fee.AmountFen / 100m, fee.PaidOn, fee.PaidFen / 100m)
                        : null));
            }
        }

        foreach (var appeal in await agencyAppeals.ListAsync(ct))
        {
            accumulator.AddAgencyAppeal(appeal.ToRecord());
        }

        var report = accumulator.Build();
        return report with { Section2 = await section2.ForReportAsync(report, selection.Agencies, ct) };
    }
}

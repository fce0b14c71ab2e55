using CaseTracker.Domain.Cases;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Tests.Support;

/// <summary>The golden histories of each reference year, built once per test run.</summary>
public static class Golden
{
    private static readonly Lazy<IReadOnlyList<CaseState>> Histories2020 = new(() => GoldenHistories.For(Reference.Load(Reference.District2020)));
    private static readonly Lazy<IReadOnlyList<CaseState>> Histories2023 = new(() => GoldenHistories.For(Reference.Load(Reference.District2023)));

    public static IReadOnlyList<CaseState> Year2020 => Histories2020.Value;

    public static IReadOnlyList<CaseState> Year2023 => Histories2023.Value;

    public static IReadOnlyList<CaseRecord> Records(IReadOnlyList<CaseState> states) => [.. states.Select(CaseRecord.From)];

    /// <summary>The report as produced at the end of March of the following year (after the due date of the report).</summary>
    public static AnnualReport Produce(IReadOnlyList<CaseState> states, AgencySelection agencies, int year) =>
        AnnualReports.Produce(Records(states), new ReportRequest(agencies, year, new DateOnly(year + 1, 3, 31)));
}

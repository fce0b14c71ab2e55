using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Tests.Support;

/// <summary>Reports produced from the golden histories, for the renderer tests.</summary>
public static class Reports
{
    public static AnnualReport District2023 { get; } = AnnualReports.Produce(Golden.Records(Golden.Year2023),
        new ReportRequest(Agencies.WholeDistrict, 2023, new DateOnly(2024, 3, 31), Section2: TypedSection2.District2023()));

    public static AnnualReport District2022 { get; } = AnnualReports.Produce(Golden.Records(Golden.Year2023),
        new ReportRequest(Agencies.WholeDistrict, 2022, new DateOnly(2024, 3, 31)));

    public static AnnualReport District2020 { get; } = AnnualReports.Produce(Golden.Records(Golden.Year2020),
        new ReportRequest(Agencies.WholeDistrict, 2020, new DateOnly(2021, 3, 31), Section2: TypedSection2.District2020()));
}

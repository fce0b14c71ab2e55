using CaseTracker.Domain.Cases;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Tests.Support;

namespace CaseTracker.Reporting.Tests;

/// <summary>
/// Hand-worked edges for the counter mutants that survived: section 六 on the year's first and last day, and appeals not
/// tied to a request outside the agencies reported or filed after the as-of date.
/// </summary>
public class ReportEdgeTests
{
    private static CaseRecord WithFee(string agency, DateOnly received, FeeRecord fee) =>
        new(Guid.NewGuid(), agency, ApplicantType.NaturalPerson, received, null, null, [], Channel.Online, fee);

    [Fact]
    public void Fee_notices_and_payments_on_01_01_and_12_31_count_in_that_year()
    {
        CaseRecord[] records =
        [
            WithFee(Agencies.Street, new(2022, 12, 28), new FeeRecord(new(2023, 1, 1), 200m, null, null)),
            WithFee(Agencies.Street, new(2023, 12, 20), new FeeRecord(new(2023, 12, 31), 100m, new(2023, 12, 31), 100m)),
            WithFee(Agencies.Street, new(2022, 12, 1), new FeeRecord(new(2022, 12, 31), 40m, new(2023, 1, 1), 40m)),
        ];

        // 2023: notices of 01-01 (200) and 12-31 (100); collected 12-31 (100) and 01-01 (40, noticed in 2022).
        Assert.Equal(new FeeSection(2, 300m, 140m), AnnualReports.Produce(records, new ReportRequest(Agencies.WholeDistrict, 2023, new(2024, 3, 31))).Section6);
        // 2022: the notice of 12-31 (40), nothing collected in 2022.
        Assert.Equal(new FeeSection(1, 40m, 0m), AnnualReports.Produce(records, new ReportRequest(Agencies.WholeDistrict, 2022, new(2024, 3, 31))).Section6);
    }

    [Fact]
    public void An_appeal_not_tied_to_a_request_counts_only_for_its_agency_and_once_filed_by_the_as_of_date()
    {
        AgencyAppealRecord Reconsideration(string agency, string id, DateOnly filed) =>
            new(agency, "主动公开", new AppealRecord(id, AppealKind.Reconsideration, false, filed, null, null));
        AgencyAppealRecord[] appeals =
        [
            Reconsideration(Agencies.Street, "r-1", new(2024, 6, 30)),
            Reconsideration(Agencies.Street, "r-2", new(2024, 7, 1)),
            Reconsideration(Agencies.Housing, "r-3", new(2024, 3, 1)),
        ];

        // Mid-year report of the street office as of 06-30: r-1 (filed that day) counts, r-2 (the day after) and r-3
        // (another agency) do not.
        var street = AnnualReports.Produce([], new ReportRequest(AgencySelection.Only(Agencies.Street), 2024, new(2024, 6, 30)), appeals);
        Assert.Equal([0, 0, 0, 1, 1], street.Section4.Reconsideration.Values);
        var district = AnnualReports.Produce([], new ReportRequest(Agencies.WholeDistrict, 2024, new(2024, 12, 31)), appeals);
        Assert.Equal([0, 0, 0, 3, 3], district.Section4.Reconsideration.Values);
    }
}

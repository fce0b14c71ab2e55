using System.Net.Http.Json;
using CaseTracker.Agencies;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reports;
using CaseTracker.Tests.Bus;
using Microsoft.Extensions.DependencyInjection;

namespace LitigationTracker.Tests;

/// <summary>
/// An appeal not tied to a request, recorded by legal staff in LitigationTracker, reaches section 四 of CaseTracker's year
/// report (both services as they run, on one real broker).
/// </summary>
public class AgencyAppealEndToEndTests : BusTestBase
{
    [Fact]
    public async Task Appeals_about_the_agency_not_tied_to_a_request_are_counted_in_section_four_of_the_year_they_were_filed()
    {
        await using var litigation = await LitigationNode.StartAsync(Path.Combine(Directory, "litigation.db"), Broker);
        await using var caseTracker = await CaseTrackerNode.StartAsync(Store, Broker);
        await caseTracker.Services.GetRequiredService<AgencyDirectory>().RegisterNewAsync(["区司法局", "区教育局"], "test", default);

        async Task Post(string path, object body) =>
            Assert.True((await litigation.Http.PostAsJsonAsync(path, body)).IsSuccessStatusCode, $"{path} {body}");

        // 2025, 区司法局: a reconsideration about 主动公开 concluded 维持 in the year; another filed on 12-31 and concluded the next
        // year (尚未审结 in 2025); a direct lawsuit about a request never recorded in CaseTracker, concluded 其他.
        await Post("/agency-appeals", new { agency = "区司法局", kind = "reconsideration", appealId = "区政复〔2025〕3号", subject = "主动公开", filedOn = "2025-03-02", body = "区人民政府" });
        await Post("/agency-appeals", new { agency = "区司法局", kind = "reconsideration", appealId = "区政复〔2025〕40号", subject = "主动公开", filedOn = "2025-12-31", body = "区人民政府" });
        await Post("/agency-appeals", new { agency = "区司法局", kind = "lawsuit", appealId = "(2025)测行初5号", subject = "未在系统登记的申请", filedOn = "2025-05-06", court = "区人民法院" });
        // 2024: a lawsuit after reconsideration, not counted in 2025; and one of another agency.
        await Post("/agency-appeals", new { agency = "区司法局", kind = "lawsuit", appealId = "(2024)测行初9号", subject = "主动公开", filedOn = "2024-11-01", court = "区人民法院", afterReconsideration = true });
        await Post("/agency-appeals", new { agency = "区教育局", kind = "reconsideration", appealId = "区政复〔2025〕8号", subject = "主动公开", filedOn = "2025-04-01", body = "区人民政府" });
        await Post("/agency-appeals/conclusions", new { agency = "区司法局", appealId = "区政复〔2025〕3号", concludedOn = "2025-06-01", result = "维持" });
        await Post("/agency-appeals/conclusions", new { agency = "区司法局", appealId = "区政复〔2025〕40号", concludedOn = "2026-02-10", result = "纠正" });
        await Post("/agency-appeals/conclusions", new { agency = "区司法局", appealId = "(2025)测行初5号", concludedOn = "2025-09-01", result = "其他" });

        var appeals = caseTracker.Services.GetRequiredService<AgencyAppeals>();
        await Eventually.ReturnsAsync(() => appeals.ListAsync(default), l => l.Count(a => a.ConcludedOn is not null) == 3, "the three conclusions in CaseTracker");

        var reports = caseTracker.Services.GetRequiredService<YearEndReports>();
        var justice = await reports.ProduceAsync(new ReportQuery("区司法局", false, 2025, null, new DateOnly(2026, 6, 30)), default);
        Assert.Equal(
            new Section4Table(
                new AppealCounts(Upheld: 1, Corrected: 0, Other: 0, Pending: 1, Total: 2),
                new AppealCounts(Upheld: 0, Corrected: 0, Other: 1, Pending: 0, Total: 1),
                AppealCounts.Zero),
            justice.Section4);
        var education = await reports.ProduceAsync(new ReportQuery("区教育局", false, 2025, null, new DateOnly(2026, 6, 30)), default);
        Assert.Equal(new AppealCounts(0, 0, 0, 1, 1), education.Section4.Reconsideration);
        var year2024 = await reports.ProduceAsync(new ReportQuery("区司法局", false, 2024, null, new DateOnly(2026, 6, 30)), default);
        Assert.Equal(new AppealCounts(0, 0, 0, 1, 1), year2024.Section4.LawsuitAfterReconsideration);
    }
}

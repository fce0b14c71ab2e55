using System.Text.Json.Nodes;
using CaseTracker.Domain.Cases;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Rendering.Json;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Tests.Support;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Reporting.Tests;

/// <summary>Section 六 (信息处理费) from the cases: notices sent in the year, their total, and what was collected in the year.</summary>
public class FeeSectionTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>
    /// Worked by hand. 2023 notices: 1100 (120 pages: 70×10 + 20×20) paid 03-10; 200 (35th item of the month) lapsed;
    /// 150 (45 pages: 15×10) waived; 100 (11th item) issued 12-18 and paid only on 2024-01-03. A 2022 notice of 10 元
    /// (31 pages) was paid on 2023-01-04. So 2023: 4 notices, 1100+200+150+100 = 1550 元 noticed, 1100+10 = 1110 元 collected;
    /// 2022: 1 notice, 10 元, nothing collected; 2024: no notice, 100 元 collected.
    /// </summary>
    private static readonly CaseState[] Year =
    [
        Run("F-1", D(2023, 3, 1), new IssueFeeNotice(D(2023, 3, 6), 1100m, FeeMethod.PerVolume, D(2023, 3, 8), 120), new RecordFeePayment(D(2023, 3, 10), 1100m)),
        Run("F-2", D(2023, 5, 4), new IssueFeeNotice(D(2023, 5, 8), 200m, FeeMethod.PerItem, D(2023, 5, 9), 35), new LapseFee(D(2023, 6, 12))),
        Run("F-3", D(2023, 6, 1), new IssueFeeNotice(D(2023, 6, 5), 150m, FeeMethod.PerVolume, D(2023, 6, 6), 45), new WaiveFee(D(2023, 6, 7), "申请人确有经济困难")),
        Run("F-4", D(2022, 12, 20), new IssueFeeNotice(D(2022, 12, 22), 10m, FeeMethod.PerVolume, D(2022, 12, 23), 31), new RecordFeePayment(D(2023, 1, 4))),
        Run("F-5", D(2023, 12, 15), new IssueFeeNotice(D(2023, 12, 18), 100m, FeeMethod.PerItem, D(2023, 12, 19), 11), new RecordFeePayment(D(2024, 1, 3))),
        Run("F-6", D(2023, 7, 3)),
    ];

    [Fact]
    public void Section_six_counts_notices_amounts_and_payments_of_the_year()
    {
        Assert.Equal(new FeeSection(4, 1550m, 1110m), Produce(2023).Section6);
        Assert.Equal(new FeeSection(1, 10m, 0m), Produce(2022).Section6);
        Assert.Equal(new FeeSection(0, 0m, 100m), Produce(2024).Section6);
    }

    [Fact]
    public void The_lapsed_notice_closes_its_case_in_other_handling_fee_unpaid()
    {
        Assert.Equal(1, Produce(2023).Section3.Value("other.fee_unpaid", ApplicantColumns.TotalIndex));
    }

    [Fact]
    public void A_mid_year_snapshot_counts_only_what_had_happened()
    {
        // As of 2023-05-31: notices F-1 (1100) and F-2 (200); paid F-1 (1100) and F-4 (10).
        var report = AnnualReports.Produce(Year.Select(CaseRecord.From), new ReportRequest(Agencies.WholeDistrict, 2023, D(2023, 5, 31)));
        Assert.Equal(new FeeSection(2, 1300m, 1110m), report.Section6);
    }

    [Fact]
    public void The_json_has_section6_and_channels_and_reads_back()
    {
        var report = Produce(2023);
        var json = JsonNode.Parse(JsonReportWriter.Write(report))!;

        Assert.Equal(4, (int)json["section6"]!["feeNotices"]!);
        Assert.Equal(1550m, (decimal)json["section6"]!["feeAmount"]!);
        Assert.Equal(1110m, (decimal)json["section6"]!["feesCollected"]!);
        // Five requests received in 2023, all online (网络); the other channels print as 0, the old ledgers' ones not at all.
        Assert.Equal(5, (int)json["channels"]!["网络"]!);
        Assert.Equal(0, (int)json["channels"]!["当面"]!);
        Assert.Null(json["channels"]!["信函"]);

        var read = JsonReportReader.Read(json.ToJsonString());
        Assert.Equal(report.Section6, read.Report!.Section6);
        Assert.Equal(report.Channels, read.Report.Channels);
    }

    [Fact]
    public void The_docx_draft_states_the_fees_in_section_six()
    {
        Assert.Equal("本年度发出收费通知4件，收费通知总金额1550元，实际收取信息处理费1110元。", Produce(2023).Section6!.Sentence(2023));
        var docx = Rendering.DocxReportRenderer.Render(Produce(2023));
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Contains("实际收取信息处理费1110元", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    private static AnnualReport Produce(int year) =>
        AnnualReports.Produce(Year.Select(CaseRecord.From), new ReportRequest(Agencies.WholeDistrict, year, D(year + 1, 3, 31)));

    private static CaseState Run(string number, DateOnly received, params CaseCommand[] commands) =>
        Cases.Run([Cases.Receive(Guid.NewGuid(), Agencies.Street, received, ApplicantType.NaturalPerson, number), .. commands]);
}

/// <summary>Section 四 counts appeals about the agency's disclosure work that no request in the system carries (issue 13 item 4).</summary>
public class AgencyAppealTests
{
    [Fact]
    public void Appeals_not_tied_to_a_request_count_in_section_four()
    {
        var appeals = new[]
        {
            // About 主动公开: a reconsideration filed 2023-04-03, 纠正 on 2023-06-30.
            new AgencyAppealRecord(Agencies.Street, "主动公开", new AppealRecord("x-1", AppealKind.Reconsideration, false, new(2023, 4, 3), new(2023, 6, 30), AppealResult.Corrected)),
            // About a request never recorded here: a direct lawsuit filed 2023-11-20, concluded 2024-02-01 (so 尚未审结 at 2023-12-31).
            new AgencyAppealRecord(Agencies.Street, "系统外申请", new AppealRecord("x-2", AppealKind.Lawsuit, false, new(2023, 11, 20), new(2024, 2, 1), AppealResult.Upheld)),
            // Filed in 2022: not this year's.
            new AgencyAppealRecord(Agencies.Street, "主动公开", new AppealRecord("x-3", AppealKind.Reconsideration, false, new(2022, 12, 30), null, null)),
        };

        var report = AnnualReports.Produce([], new ReportRequest(Agencies.WholeDistrict, 2023, new DateOnly(2024, 3, 31)), appeals);

        Assert.Equal([0, 1, 0, 0, 1], report.Section4.Reconsideration.Values);
        Assert.Equal([0, 0, 0, 1, 1], report.Section4.DirectLawsuit.Values);
        Assert.Equal(0, report.Received());
    }
}

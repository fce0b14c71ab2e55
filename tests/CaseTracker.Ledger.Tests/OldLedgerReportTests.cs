using CaseTracker.Domain.Cases;
using CaseTracker.Ledger.Import;
using CaseTracker.Reporting.Counting;
using CaseTracker.Reporting.Input;
using CaseTracker.Reporting.Rendering;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Validation;
using Xunit.Abstractions;

namespace CaseTracker.Ledger.Tests;

/// <summary>
/// A 2018 ledger in the words of the old local tables (issue 13 item 5) imports, and its year reports with every category,
/// channel and appeal. Expected figures counted by hand from the rows below.
/// </summary>
public class OldLedgerReportTests(ITestOutputHelper output)
{
    private const string Agency = "某区政务服务局";

    private static readonly Dictionary<string, string>[] Rows =
    [
        Row("O-01", "2018-03-05", "当面", "自然人", "2018-03-12", "已主动公开"),
        Row("O-02", "2018-03-06", "信函", "自然人", "2018-03-13", "同意公开"),
        Row("O-03", "2018-03-07", "互联网", "商业企业", "2018-03-14", "同意部分公开"),
        Row("O-04", "2018-03-08", "电话", "自然人", "2018-03-15", "不予公开")
            .With("行政复议日期", "2018-04-20").With("行政复议结果", "结果维持").With("行政复议审结日期", "2018-06-20"),
        Row("O-05", "2018-03-09", "邮寄", "自然人", "2018-03-16", "信息不存在"),
        Row("O-06", "2018-03-12", "网络", "自然人", "2018-03-19", "非本单位掌握")
            .With("行政诉讼日期", "2018-05-02").With("诉讼类型", "未经复议直接起诉"),
        Row("O-07", "2018-03-13", "信函", "其他", "2018-03-20", "申请内容不明确"),
        Row("O-08", "2018-03-14", "互联网", "自然人", "2018-03-21", "不属于政府信息"),
        Row("O-09", "2018-03-15", "信函", "自然人", "2018-03-22", "已移送档案馆")
            .With("行政复议日期", "2018-04-25").With("行政复议结果", "结果纠正").With("行政复议审结日期", "2018-07-02")
            .With("行政诉讼日期", "2018-07-20").With("诉讼类型", "复议后起诉").With("行政诉讼结果", "结果维持").With("行政诉讼审结日期", "2018-11-30"),
        Row("O-10", "2018-03-16", "当面", "自然人", "2018-03-23", "其他"),
        Row("O-11", "2018-12-20", "信函", "自然人", "", ""),
    ];

    [Fact]
    public void The_old_words_ledger_imports_listing_each_leniency_with_its_count()
    {
        var plan = Imports.Plan(LedgerFiles.Csv(Rows));

        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        Assert.Equal(11, plan.CasesToImport.Count);
        Assert.Equal(
            [(LedgerLeniency.PartialWithoutGround, 1), (LedgerLeniency.OldWords, 10), (LedgerLeniency.OldChannel, 7)],
            plan.Leniencies);
    }

    [Fact]
    public void The_2018_table_has_every_category_channel_and_appeal()
    {
        var report = Report();

        Assert.Equal(ReportFormat.Pre2019, report.Format);
        Assert.Equal(
            ["已主动公开", "同意公开", "同意部分公开", "不予公开", "信息不存在", "非本单位掌握", "申请内容不明确", "非政府信息", "已移送档案馆", "其他"],
            Rows3(report, "pre2019.").Select(r => r.Label.Split('/')[^1]));
        Assert.All(Rows3(report, "pre2019."), r => Assert.Equal(1, r[ApplicantColumns.TotalIndex]));
        Assert.Equal("三、本年度办理结果/总计", report.Section3.Row("total")!.Label);
        Assert.Equal(10, report.Closed());
        Assert.Equal((11, 0, 1), (report.Received(), report.CarriedIn(), report.CarriedOut()));
        Assert.Equal([9, 1, 0, 0, 0, 1, 11], report.Section3.Row("received")!.Values.ToArray());

        // 当面 2, 邮寄 1, 平常信函 0, 网络 1, 电子邮件 0, 传真 0, 其他 0, 信函 4, 互联网 2, 电话 1 = 11.
        Assert.Equal(
            [("当面", 2), ("邮寄", 1), ("平常信函", 0), ("网络", 1), ("电子邮件", 0), ("传真", 0), ("其他", 0), ("信函", 4), ("互联网", 2), ("电话", 1)],
            report.Channels!.Select(c => (c.Label, c.Count)));
        Assert.Equal(
            [2, 1, 0, 1, 0, 0, 0, 4, 2, 1],
            Rows3(report, "channel.").Select(r => r[ApplicantColumns.TotalIndex]));
        Assert.Equal("一、本年新收政府信息公开申请数量/其中：信函", report.Section3.Row("channel.Letter")!.Label);

        // 复议: O-04 维持, O-09 纠正; 直接起诉: O-06 尚未审结; 复议后起诉: O-09 维持.
        Assert.Equal([1, 1, 0, 0, 2], report.Section4.Reconsideration.Values);
        Assert.Equal([0, 0, 0, 1, 1], report.Section4.DirectLawsuit.Values);
        Assert.Equal([1, 0, 0, 0, 1], report.Section4.LawsuitAfterReconsideration.Values);
        Assert.Empty(TableValidator.Validate(report));
        output.WriteLine(MarkdownReportRenderer.Render(report));
    }

    [Fact]
    public void The_old_words_are_refused_for_a_case_received_from_2019_05_15()
    {
        var row = Row("N-01", "2019-05-15", "当面", "自然人", "2019-05-20", "已移送档案馆");
        Assert.Equal("答复类型", Imports.Plan(LedgerFiles.Csv(row)).SingleError().Column);
        var phone = Row("N-02", "2019-05-15", "电话", "自然人", "", "");
        Assert.Contains("2019年5月15日以前", Imports.Plan(LedgerFiles.Csv(phone)).SingleError().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_import_stays_strict_about_the_impossible()
    {
        var before = Row("O-12", "2018-03-05", "信函", "自然人", "2018-03-01", "同意公开");
        Assert.Equal("答复类型", Imports.Plan(LedgerFiles.Csv(before)).SingleError().Column);
        var duplicate = Imports.Plan(LedgerFiles.Csv(Rows[0], Rows[0]));
        Assert.Empty(duplicate.CasesToImport);
        Assert.Contains(duplicate.Errors, e => e.Column == "编号");
    }

    private static AnnualReport Report()
    {
        var plan = Imports.Plan(LedgerFiles.Csv(Rows));
        var records = plan.CasesToImport.Select(c => CaseRecord.From(CaseDecider.DecideAll(c.Commands, CaseState.Initial, CasePolicy.Default).State));
        return AnnualReports.Produce(records, new ReportRequest(AgencySelection.Only(Agency), 2018, new DateOnly(2019, 3, 31)));
    }

    private static IEnumerable<Section3Row> Rows3(AnnualReport report, string prefix) =>
        report.Section3.Rows.Where(r => r.Code.StartsWith(prefix, StringComparison.Ordinal));

    private static Dictionary<string, string> Row(string number, string received, string channel, string type, string answered, string words) =>
        LedgerFiles.Row(number, Agency, received).With("申请方式", channel).With("申请人类型", type)
            .With("答复日期", answered).With("答复类型", words);
}

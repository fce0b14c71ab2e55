using System.Globalization;
using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Ledger.Import;

namespace CaseTracker.Ledger.Tests;

/// <summary>
/// Issue 9 through the ledger door: a row cannot make a history the live product refuses, and every refusal names the row,
/// the column, the rule and its article. Rows are received 2023-03-07 (Tue); the deadline is 2023-04-04: 03-08..03-10 (3),
/// 03-13..03-17 (8), 03-20..03-24 (13), 03-27..03-31 (18), 04-03 (19), 04-04 (20); 04-05 is 清明.
/// </summary>
public class ClockRuleRowTests
{
    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<string, string, string, string[]> Refused => new()
    {
        { "逾期不补正 the day after the notice", "答复日期", "补正期限", ["补正告知日期", "2023-03-10", "补正期限", "2023-03-24", "答复类型", "其他处理", "具体情形", "逾期不补正", "答复日期", "2023-03-11"] },
        // No 补正期限: the default 15 working days from 03-10: 03-13..03-17 (5), 03-20..03-24 (10), 03-27..03-31 (15).
        { "逾期不补正 inside the default period", "答复日期", "2023-03-31", ["补正告知日期", "2023-03-10", "答复类型", "其他处理", "具体情形", "逾期不补正", "答复日期", "2023-03-31"] },
        { "逾期未缴费 the day after the notice", "答复日期", "国办函〔2020〕109号", ["收费通知日期", "2023-03-10", "答复类型", "其他处理", "具体情形", "逾期未缴费", "答复日期", "2023-03-11"] },
        { "fee notice after the deadline", "收费通知日期", "2023-04-04", ["收费通知日期", "2023-04-06", "缴费日期", "2023-04-07"] },
        { "extension after the deadline", "延期日期", "第三十三条第二款", ["延期日期", "2023-04-06"] },
        { "reconsideration before the deadline with no decision", "行政复议日期", "第五十一条", ["行政复议日期", "2023-03-20"] },
        { "大量反复 without asking for reasons", "具体情形", "第三十五条", ["答复日期", "2023-03-20", "答复类型", "不予处理", "具体情形", "无正当理由大量反复申请"] },
        { "receipt before the Regulation", "收到日期", "2008-05-01", ["收到日期", "2007-03-01"] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_row_breaking_a_clock_rule_is_refused_on_its_column(string name, string column, string cited, string[] cells)
    {
        var error = Imports.Plan(LedgerFiles.Csv(Row(cells))).SingleError();

        Assert.True(error.Column == column, $"{name}: {error}");
        Assert.Equal(2, error.Row);
        Assert.Contains(cited, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("收到日期", "2023-03-07", "收到日期", "2023-03-07")]
    [InlineData("答复日期", "2023-03-20", "答复类型", "予以公开")]
    public void A_row_with_a_date_after_today_is_refused(string column, string value, string other, string otherValue)
    {
        var options = new LedgerImportOptions { Policy = CasePolicy.Default with { Today = D(column == "收到日期" ? "2023-03-06" : "2023-03-19") } };

        var error = Imports.Plan(LedgerFiles.Csv(LedgerFiles.Row().With(column, value).With(other, otherValue)), options).SingleError();

        Assert.Equal(column, error.Column);
        Assert.Contains("晚于今天", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_without_a_supplement_period_gets_the_default_and_may_lapse_after_it()
    {
        var plan = Imports.Plan(LedgerFiles.Csv(Row(["补正告知日期", "2023-03-10", "答复类型", "其他处理", "具体情形", "逾期不补正", "答复日期", "2023-04-03"])));

        var commands = Assert.Single(plan.CasesToImport).Commands.ToList();
        Assert.Equal(D("2023-03-31"), commands.OfType<CaseCommand.RequestSupplement>().Single().RespondBy);
    }

    [Fact]
    public void The_default_supplement_period_is_the_operator_setting()
    {
        // 5 working days from 03-10: 03-13..03-17.
        var options = new LedgerImportOptions { Policy = CasePolicy.Default with { Settings = new ClockSettings(SupplementDefaultDays: 5) } };

        var plan = Imports.Plan(LedgerFiles.Csv(Row(["补正告知日期", "2023-03-10", "补正收到日期", "2023-03-15"])), options);

        Assert.Equal(D("2023-03-17"), Assert.Single(plan.CasesToImport).Commands.OfType<CaseCommand.RequestSupplement>().Single().RespondBy);
    }

    [Fact]
    public void A_consultation_after_the_deadline_is_imported_and_the_case_counts_late()
    {
        var plan = Imports.Plan(LedgerFiles.Csv(Row(["征求意见对象", "第三方", "征求意见开始日期", "2023-04-06", "征求意见结束日期", "2023-04-10",
            "答复日期", "2023-04-12", "答复类型", "予以公开"])));

        var state = CaseDecider.DecideAll(Assert.Single(plan.CasesToImport).Commands, CaseState.Initial, CasePolicy.Default).State;
        var reading = StatutoryClock.Read(state, D("2023-04-12"), WorkingCalendar.BuiltIn, ClockSettings.Default);

        Assert.Equal(D("2023-04-04"), reading.Deadline);
        Assert.True(reading.ClosedLate);
        Assert.Equal([1], reading.LateMilestones);
    }

    [Fact]
    public void 大量反复_with_the_reasons_date_is_imported()
    {
        var plan = Imports.Plan(LedgerFiles.Csv(Row(["要求说明理由日期", "2023-03-10", "答复日期", "2023-03-20", "答复类型", "不予处理", "具体情形", "无正当理由大量反复申请"])));

        Assert.Contains(Assert.Single(plan.CasesToImport).Commands, c => c is CaseCommand.RequestReasons { On: var on } && on == D("2023-03-10"));
    }

    private static Dictionary<string, string> Row(string[] cells)
    {
        var row = LedgerFiles.Row();
        for (var i = 0; i < cells.Length; i += 2)
        {
            row = row.With(cells[i], cells[i + 1]);
        }

        return row;
    }
}

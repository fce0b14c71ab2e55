using System.Text;
using CaseTracker.Domain.Calendar;
using CaseTracker.Domain.Clock;
using CaseTracker.Ledger.Export;
using CaseTracker.Ledger.Import;

namespace CaseTracker.Ledger.Tests;

/// <summary>Seeded random ledgers and random bytes: never an unhandled exception, and what is accepted is consistent.</summary>
public class FuzzTests
{
    private static readonly string[] Dates =
    [
        "2023-03-07", "2023/3/9", "2023.3.20", "2023年4月1日", "2023-04-28", "2023-05-10", "2024-01-02", "2021-06-30", "2020-12-31",
        "2023-02-30", "23/3/7", "7/3/2023", "2023-3-7 ", "0000-00-00", "9999-12-31", "2023年13月1日", "",
    ];

    private static readonly Dictionary<string, string[]> Values = new()
    {
        ["申请人类型"] = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "个人", ""],
        ["申请方式"] = ["当面", "邮寄", "平常信函", "网络", "电子邮件", "传真", "其他", "微信"],
        ["征求意见对象"] = ["第三方", "其他机关", "", "", "专家"],
        ["答复类型"] = ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "撤回", "", "", "同意公开"],
        ["具体情形"] = ["", "已主动公开", "属于国家秘密", "1.属于国家秘密", "信息不存在", "逾期不补正", "逾期未缴费", "其他", "重复申请", "属于国家秘密；信息不存在", "补正后申请内容仍不明确", "乱写"],
        ["行政复议结果"] = ["", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "胜诉"],
        ["行政诉讼结果"] = ["", "", "结果维持", "结果纠正", "其他结果", "败诉"],
        ["诉讼类型"] = ["", "未经复议直接起诉", "复议后起诉", "直接"],
        ["办理机关"] = ["某区政务服务局", "某区教育局", "", " 某区教育局 "],
    };

    [Fact]
    public void Random_ledgers_never_throw_and_every_accepted_case_replays_and_round_trips()
    {
        var random = new Random(20231107);
        for (var iteration = 0; iteration < 1500; iteration++)
        {
            var header = LedgerColumns.Ledger.Where(c => LedgerColumns.Required.Contains(c) ? random.Next(40) > 0 : random.Next(3) > 0)
                .OrderBy(_ => random.Next()).ToList();
            var rows = Enumerable.Range(0, random.Next(0, 6)).Select(_ => header.Select(c => Value(random, c)).ToList()).ToList();
            var file = LedgerFiles.Csv(random.Next(2) == 0, header, rows);

            var plan = Imports.Plan(file, new LedgerImportOptions { KeepValidRows = true });

            Assert.All(plan.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
            if (plan.FileProblems.Count == 0)
            {
                Assert.Equal(rows.Count(r => r.Any(c => c.Trim().Length > 0)), plan.Cases.Count + plan.Rejected.Count);
            }

            RoundTrip(plan);
        }
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(7);
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            if (iteration % 3 == 0)
            {
                var text = Encoding.UTF8.GetBytes("编号,办理机关,收到日期,申请人类型,申请方式\r\n");
                bytes = [.. text, .. bytes];
            }

            var plan = Imports.Plan(bytes);

            Assert.False(plan.IsValid && plan.Cases.Count == 0);
        }
    }

    [Fact]
    public void Damaged_CSV_and_XLSX_files_never_throw()
    {
        var random = new Random(11);
        var csv = LedgerFiles.Csv(MappingTests.FullRow(), LedgerFiles.Row("2"), LedgerFiles.Row("3").With("申请内容", "\"a,b\"\nc"));
        var xlsx = XlsxFiles.Workbook(
        [
            [.. LedgerFiles.RequiredHeader.Select(h => (XCell)h), "答复日期"],
            ["1", "某局", new XCell.Date(new DateOnly(2023, 3, 7)), "自然人", new XCell.Inline("网络"), new XCell.Date(new DateOnly(2023, 3, 20))],
        ]);
        foreach (var original in new[] { csv, xlsx })
        {
            for (var iteration = 0; iteration < 700; iteration++)
            {
                var damaged = (byte[])original.Clone();
                for (var flips = random.Next(1, 8); flips > 0; flips--)
                {
                    damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                }

                var cut = random.Next(4) == 0 ? damaged[..random.Next(damaged.Length)] : damaged;

                var plan = Imports.Plan(cut, new LedgerImportOptions { KeepValidRows = true });

                Assert.All(plan.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
                RoundTrip(plan);
            }
        }
    }

    private static void RoundTrip(LedgerImportPlan plan)
    {
        if (plan.CasesToImport.Count == 0)
        {
            return;
        }

        var rows = plan.CasesToImport.Select(c => IncrementTests.Apply(c.Commands))
            .Select(s => new LedgerExportRow(s, StatutoryClock.Read(s, new DateOnly(2024, 6, 1), WorkingCalendar.BuiltIn, ClockSettings.Default)))
            .ToList();
        using var csv = new MemoryStream();
        LedgerExport.WriteCsv(csv, rows);
        var again = Imports.Plan(csv.ToArray());
        Assert.True(again.IsValid, string.Join("\n", again.Errors));
        Assert.Equal(plan.CasesToImport.Select(c => c.Commands.ToList()), again.CasesToImport.Select(c => c.Commands.ToList()));
    }

    private static string Value(Random random, string column)
    {
        if (Values.TryGetValue(column, out var pool))
        {
            return pool[random.Next(pool.Length)];
        }

        if (LedgerColumns.DateColumns.Contains(column))
        {
            return column == "收到日期" ? Dates[random.Next(8)] : random.Next(3) == 0 ? Dates[random.Next(Dates.Length)] : "";
        }

        return column == "编号" ? $"N{random.Next(30)}" : Junk(random);
    }

    private static string Junk(Random random)
    {
        const string alphabet = "申请人张三,\"\n\r ；、abc123=+-@\t\u00A0\uFEFF";
        return new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}

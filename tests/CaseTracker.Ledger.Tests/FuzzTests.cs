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

    /// <summary>Right values of the vocabulary columns (a row picks from these).</summary>
    private static readonly Dictionary<string, string[]> Values = new()
    {
        ["申请人类型"] = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
        ["申请方式"] = ["当面", "邮寄", "平常信函", "网络", "电子邮件", "传真", "其他"],
        ["征求意见对象"] = ["第三方", "其他机关"],
        ["答复类型"] = ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "撤回"],
        ["具体情形"] = ["", "已主动公开", "属于国家秘密", "1.属于国家秘密", "信息不存在", "逾期不补正", "逾期未缴费", "其他", "重复申请", "属于国家秘密；信息不存在", "补正后申请内容仍不明确"],
        ["行政复议结果"] = ["结果维持", "结果纠正", "其他结果", "尚未审结"],
        ["行政诉讼结果"] = ["结果维持", "结果纠正", "其他结果"],
        ["诉讼类型"] = ["未经复议直接起诉", "复议后起诉"],
        ["办理机关"] = ["某区政务服务局", "某区教育局", " 某区教育局 "],
    };

    /// <summary>Wrong values a mutation may put in any vocabulary column.</summary>
    private static readonly string[] Wrong = ["", "个人", "微信", "专家", "同意公开", "乱写", "胜诉", "直接", "其他"];

    [Fact]
    public void Random_ledgers_never_throw_and_every_accepted_case_replays_and_round_trips()
    {
        var random = new Random(20231107);
        var (accepted, closed, rejected) = (0, 0, 0);
        for (var iteration = 0; iteration < 1500; iteration++)
        {
            var header = LedgerColumns.Ledger.Where(c => LedgerColumns.Required.Contains(c) ? random.Next(40) > 0 : random.Next(8) > 0)
                .OrderBy(_ => random.Next()).ToList();
            var rows = Enumerable.Range(0, random.Next(0, 6)).Select(_ => Row(random)).Select(row => header.Select(c => row.GetValueOrDefault(c, "")).ToList()).ToList();
            var file = LedgerFiles.Csv(random.Next(2) == 0, header, rows);

            var plan = Imports.Plan(file, new LedgerImportOptions { KeepValidRows = true });

            Assert.All(plan.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
            if (plan.FileProblems.Count == 0)
            {
                Assert.Equal(rows.Count(r => r.Any(c => c.Trim().Length > 0)), plan.Cases.Count + plan.Rejected.Count);
            }

            RoundTrip(plan);
            accepted += plan.CasesToImport.Count;
            closed += plan.CasesToImport.Count(c => c.Steps.Any(s => s.Column is "答复日期" or "具体情形"));
            rejected += plan.Rejected.Count;
        }

        Assert.True(accepted > 1000 && closed > 500 && rejected > 1000, $"the generator must reach both sides: {accepted} accepted, {closed} closed, {rejected} rejected");
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
        using var xlsx = new MemoryStream();
        LedgerExport.WriteXlsx(xlsx, rows);
        foreach (var exported in new[] { csv.ToArray(), xlsx.ToArray() })
        {
            var again = Imports.Plan(exported);
            Assert.True(again.IsValid, string.Join("\n", again.Errors));
            Assert.Equal(plan.CasesToImport.Select(c => c.Commands.ToList()), again.CasesToImport.Select(c => c.Commands.ToList()));
        }
    }

    /// <summary>A plausible row (dates in order, vocabulary mostly right), then now and then a cell made wrong.</summary>
    private static Dictionary<string, string> Row(Random random)
    {
        var received = new DateOnly(2021, 1, 4).AddDays(random.Next(900));
        string Date(DateOnly date) => random.Next(4) switch
        {
            0 => $"{date:yyyy-MM-dd}",
            1 => $"{date.Year}/{date.Month}/{date.Day}",
            2 => $"{date.Year}.{date.Month}.{date.Day}",
            _ => $"{date.Year}年{date.Month}月{date.Day}日",
        };
        bool Chance(int percent) => random.Next(100) < percent;
        string Pick(string column) => Values[column][random.Next(Values[column].Length)];
        var row = new Dictionary<string, string>
        {
            ["编号"] = $"N{random.Next(200)}",
            ["办理机关"] = Pick("办理机关"),
            ["收到日期"] = Date(received),
            ["申请人类型"] = Pick("申请人类型"),
            ["申请方式"] = Pick("申请方式"),
            ["申请人"] = Chance(50) ? Junk(random) : "",
            ["证件号码"] = Chance(30) ? $"ID{random.Next(5)}" : "",
            ["申请内容"] = Junk(random),
        };
        if (Chance(30))
        {
            var asked = received.AddDays(random.Next(1, 6));
            row["补正告知日期"] = Date(asked);
            row["补正期限"] = Chance(50) ? Date(asked.AddDays(15)) : "";
            row["补正收到日期"] = Chance(60) ? Date(asked.AddDays(random.Next(1, 10))) : "";
        }

        if (Chance(20))
        {
            var started = received.AddDays(random.Next(2, 9));
            row["征求意见对象"] = Pick("征求意见对象");
            row["征求意见开始日期"] = Date(started);
            row["征求意见结束日期"] = Chance(70) ? Date(started.AddDays(random.Next(1, 11))) : "";
        }

        if (Chance(15))
        {
            row["延期日期"] = Date(received.AddDays(random.Next(5, 16)));
        }

        if (Chance(15))
        {
            var notice = received.AddDays(random.Next(2, 7));
            row["收费通知日期"] = Date(notice);
            row["缴费日期"] = Chance(60) ? Date(notice.AddDays(random.Next(1, 6))) : "";
        }

        if (Chance(70))
        {
            var answered = received.AddDays(random.Next(10, 41));
            row["答复日期"] = Date(answered);
            row["答复类型"] = Pick("答复类型");
            row["具体情形"] = row["答复类型"] switch
            {
                "予以公开" => Chance(50) ? "" : "已主动公开",
                "部分公开" => Chance(50) ? "属于国家秘密；信息不存在" : "4.保护第三方合法权益",
                "不予公开" => "属于国家秘密",
                "无法提供" => Chance(70) ? "信息不存在" : "补正后申请内容仍不明确",
                "不予处理" => "重复申请",
                "其他处理" => new[] { "逾期不补正", "逾期未缴费", "其他" }[random.Next(3)],
                _ => "",
            };
            if (Chance(25))
            {
                var filed = answered.AddDays(random.Next(5, 30));
                row["行政复议日期"] = Date(filed);
                var concluded = Chance(50);
                row["行政复议结果"] = concluded ? Pick("行政诉讼结果") : Chance(50) ? "尚未审结" : "";
                row["行政复议审结日期"] = concluded ? Date(filed.AddDays(60)) : "";
            }

            if (Chance(15))
            {
                row["行政诉讼日期"] = Date(answered.AddDays(random.Next(5, 90)));
                row["诉讼类型"] = Chance(50) ? "未经复议直接起诉" : "复议后起诉";
            }
        }

        for (var mutations = Chance(40) ? random.Next(1, 3) : 0; mutations > 0; mutations--)
        {
            var column = LedgerColumns.Ledger[random.Next(LedgerColumns.Ledger.Count)];
            row[column] = Values.TryGetValue(column, out var pool) ? (Chance(50) ? pool[random.Next(pool.Length)] : Wrong[random.Next(Wrong.Length)])
                : LedgerColumns.DateColumns.Contains(column) ? Dates[random.Next(Dates.Length)]
                : Junk(random);
        }

        return row;
    }

    private static string Junk(Random random)
    {
        const string alphabet = "申请人张三,\"\n\r ；、abc123=+-@'\t\u00A0\uFEFF<&>";
        return new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}

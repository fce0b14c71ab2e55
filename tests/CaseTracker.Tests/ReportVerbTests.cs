using CaseTracker.Demo;
using CaseTracker.Testing;

namespace CaseTracker.Tests;

public sealed class ReportVerbTests : IDisposable
{
    private static readonly string Reference = Path.Combine(AppContext.BaseDirectory, "Reference");
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Check_report_flags_the_published_2020_Xicheng_table_and_accepts_2023()
    {
        var cli = new CliRunner("sqlite:" + _folder.File("store.db"));

        var unbalanced = await cli.RunAsync("check-report", Path.Combine(Reference, "xicheng-district-2020.json"));
        var balanced = await cli.RunAsync("check-report", Path.Combine(Reference, "xicheng-district-2023.json"));

        Assert.Equal(1, unbalanced.ExitCode);
        Assert.Contains("勾稽关系", unbalanced.Error, StringComparison.Ordinal);
        Assert.Contains("总计列：一+二=1621，三（七）+四=4348", unbalanced.Error, StringComparison.Ordinal);
        Assert.Equal(0, balanced.ExitCode);
    }

    [Fact]
    public async Task The_district_report_adds_up_and_equals_the_sum_of_its_agencies()
    {
        var cli = new CliRunner("sqlite:" + _folder.File("store.db"));
        await cli.SucceedAsync("demo", "--per-year", "200", "--years", "3", "--seed", "11");
        var year = TestClock.Today.Year - 1;

        await cli.SucceedAsync("report", "--year", $"{year}", "--agency", DemoAgencies.District, "--include-subordinates", "--output", _folder.File("district.csv"));
        var check = await cli.RunAsync("report", "--year", $"{year}", "--agency", DemoAgencies.District, "--include-subordinates", "--output", _folder.File("district.json"));
        var district = Totals(await File.ReadAllLinesAsync(_folder.File("district.csv")));
        var sum = new Dictionary<string, long>();
        foreach (var agency in DemoAgencies.All)
        {
            var file = _folder.File($"{agency.Name}.csv");
            await cli.SucceedAsync("report", "--year", $"{year}", "--agency", agency.Name, "--output", file);
            foreach (var (row, total) in Totals(await File.ReadAllLinesAsync(file)))
            {
                sum[row] = sum.GetValueOrDefault(row) + total;
            }
        }

        Assert.Equal(0, check.ExitCode);
        Assert.Equal(0, (await cli.RunAsync("check-report", _folder.File("district.json"))).ExitCode);
        Assert.True(district["一、本年新收政府信息公开申请数量"] > 100);
        Assert.Equal(district, sum);
    }

    [Fact]
    public async Task Each_output_type_is_written_from_the_extension()
    {
        var cli = new CliRunner("sqlite:" + _folder.File("store.db"));
        await cli.SucceedAsync("demo", "--per-year", "50", "--years", "2");
        foreach (var extension in new[] { "json", "html", "md", "csv", "xlsx", "docx" })
        {
            var file = _folder.File($"report.{extension}");
            await cli.SucceedAsync("report", "--year", $"{TestClock.Today.Year - 1}", "--agency", DemoAgencies.District, "--include-subordinates", "--output", file);
            Assert.True(new FileInfo(file).Length > 500, $"{extension} is too small");
        }

        var unknown = await cli.RunAsync("report", "--year", "2024", "--agency", DemoAgencies.District, "--output", _folder.File("report.pdf"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("不支持的输出文件类型", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_agency_or_store_is_refused_in_Chinese_naming_the_option()
    {
        var cli = new CliRunner("sqlite:" + _folder.File("store.db"));

        var agency = await cli.RunAsync("report", "--year", "2024", "--agency", "不存在的机关", "--output", _folder.File("r.json"));
        var store = await new CliRunner("mysql:whatever").RunAsync("agencies", "list");

        Assert.Equal(2, agency.ExitCode);
        Assert.Contains("--agency", agency.Error, StringComparison.Ordinal);
        Assert.Contains("未登记", agency.Error, StringComparison.Ordinal);
        Assert.Equal(2, store.ExitCode);
        Assert.Contains("--store", store.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("r.json")));
    }

    public void Dispose() => _folder.Dispose();

    private static Dictionary<string, long> Totals(string[] csv)
    {
        var start = Array.FindIndex(csv, line => line.StartsWith("项目,自然人", StringComparison.Ordinal));
        Assert.True(start > 0, "the section 三 table has its header row");
        var header = csv[start].Split(',');
        var total = Array.IndexOf(header, "总计");
        return csv.Skip(start + 1).Select(line => line.Split(','))
            .TakeWhile(cells => cells.Length == header.Length)
            .ToDictionary(cells => cells[0], cells => long.Parse(cells[total], System.Globalization.CultureInfo.InvariantCulture));
    }
}

using System.CommandLine;
using CaseTracker.Cli;
using CaseTracker.Pipeline;
using CaseTracker.Reporting.Rendering;
using CaseTracker.Reporting.Tables;
using CaseTracker.Reporting.Validation;

namespace CaseTracker.Reports;

public static class ReportVerbs
{
    public static Command Report()
    {
        var year = new Option<int>("--year") { Description = "报告年度，例如 2023", Required = true };
        var agency = CliOptions.Agency(required: true);
        var format = new Option<string?>("--format")
        {
            Description = "表格格式：2019（2019–2020年度）或 2021（2021年度起）；默认按年度选用",
        };
        format.AcceptOnlyFromAmong("2019", "2021", "pre2019");
        var asOf = CliOptions.AsOf();
        var output = CliOptions.Output();
        var command = new Command("report",
            "生成政府信息公开工作年度报告的统计表（第二、三、四部分）。"
                + "输出类型由 --output 的扩展名决定：.json .html .md .csv .xlsx .docx")
        {
            year, agency, CliOptions.IncludeSubordinates, format, asOf, output,
        };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var file = parse.GetValue(output)!;
            var kind = OutputFormat(file);
            var query = new ReportQuery(parse.GetValue(agency)!, parse.GetValue(CliOptions.IncludeSubordinates), parse.GetValue(year),
                ReportFormats.Parse(parse.GetValue(format)), parse.GetValue(asOf) ?? session.Today);
            var reports = session.Services.GetRequiredService<YearEndReports>();
            var report = await reports.ProduceAsync(query, token);
            var lastYear = await reports.ProduceAsync(query with { Year = query.Year - 1, Format = null }, token);
            await File.WriteAllBytesAsync(file.FullName, ReportOutput.Render(report, kind, lastYear).Content, token);
            var problems = TableValidator.Validate(report, lastYear);
            await session.Output.WriteLineAsync(
                $"已生成 {report.Agency} {report.Year} 年度报告（{report.Format.Label()}，截至 {query.AsOf:yyyy-MM-dd}）：{file.FullName}");
            foreach (var problem in problems)
            {
                await session.Error.WriteLineAsync($"校验问题：{problem.Message}");
            }

            return problems.Count == 0 ? 0 : 1;
        }, ct));
        return command;
    }

    public static Command CheckReport()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "年度报告的 JSON 文件（与 casetracker report 输出的结构相同）" };
        var lastYear = new Option<FileInfo?>("--last-year")
        {
            Description = "上一年度报告的 JSON 文件，用于核对本年“上年结转”等于上年“结转下年度”",
        };
        var command = new Command("check-report",
            "校验一份年度报告统计表：各行各列是否相加一致，一＋二＝三（七）＋四。"
                + "不一致时列出问题并以非零状态退出。")
        {
            file, lastYear,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var previous = parse.GetValue(lastYear) is { } last ? ReportImport.Check(await ReadAsync(last, ct)).Report : null;
                var check = ReportImport.Check(await ReadAsync(parse.GetValue(file)!, ct), previous);
                foreach (var problem in check.Problems)
                {
                    await error.WriteLineAsync(problem);
                }

                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    check.Accepted
                        ? "校验通过：各行各列相加一致，勾稽关系成立。"
                        : $"校验未通过：{check.Problems.Count} 个问题。");
                return check.Accepted ? 0 : 1;
            }
            catch (UserError e)
            {
                await error.WriteLineAsync($"错误：{e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static async Task<string> ReadAsync(FileInfo file, CancellationToken ct) =>
        file.Exists ? await File.ReadAllTextAsync(file.FullName, ct) : throw new UserError("FILE", $"文件“{file.FullName}”不存在。");

    private static ReportOutputFormat OutputFormat(FileInfo file) => file.Extension.ToLowerInvariant() switch
    {
        ".json" => ReportOutputFormat.Json,
        ".html" or ".htm" => ReportOutputFormat.Html,
        ".md" => ReportOutputFormat.Markdown,
        ".csv" => ReportOutputFormat.Csv,
        ".xlsx" => ReportOutputFormat.Xlsx,
        ".docx" => ReportOutputFormat.Docx,
        _ => throw new UserError("--output", $"不支持的输出文件类型“{file.Extension}”：应为 .json .html .md .csv .xlsx 或 .docx。"),
    };
}

using System.CommandLine;
using CaseTracker.Calendar;
using CaseTracker.Hosting;
using CaseTracker.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Cli;

public static class AdminVerbs
{
    public static Command Calendar()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "节假日通知数据：每行“日期,类型,通知”，类型为 holiday（工作日放假）或 workday（周末调休上班）" };
        var load = new Command("load", "载入国务院办公厅的节假日安排通知（如下一年度），无需升级即生效。所载年度整体替换。") { file };
        load.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var path = parse.GetValue(file)!;
            var csv = path.Exists ? await File.ReadAllTextAsync(path.FullName, token) : throw new UserError("FILE", $"文件“{path.FullName}”不存在。");
            var years = await session.Services.GetRequiredService<PolicySource>().LoadNoticeAsync(csv, "cli", session.Time, token);
            await session.Output.WriteLineAsync($"已载入 {string.Join("、", years)} 年的节假日安排。");
            return 0;
        }, ct));

        var list = new Command("list", "列出日历已有数据的年度及每年的工作日数。");
        list.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var calendar = session.Policy.Calendar;
            foreach (var year in calendar.CoveredYears)
            {
                await session.Output.WriteLineAsync($"{year} 年：{calendar.WorkingDaysIn(year)} 个工作日");
            }

            await session.Output.WriteLineAsync($"{calendar.CoveredYears.Max() + 1} 年起尚无数据：涉及这些日期的期限标为“暂定”。");
            return 0;
        }, ct));
        return new Command("calendar", "工作日日历（国务院节假日安排）") { load, list };
    }

    public static Command ReadModels()
    {
        var rebuild = new Command("rebuild", "清空并从事件日志重放全部读模型（显示进度）。");
        rebuild.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var models = session.Services.GetRequiredService<ReadModels>();
            var applied = await ProgressReporter.RunAsync("重建读模型", session.Output, p => models.RebuildAsync(p, token));
            await session.Output.WriteLineAsync($"已重放 {applied} 个事件。");
            return 0;
        }, ct));

        var status = new Command("status", "显示每个读模型的检查点与滞后事件数。");
        status.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            foreach (var s in await session.Services.GetRequiredService<ReadModels>().StatusAsync(token))
            {
                await session.Output.WriteLineAsync($"{s.Name}：检查点 {s.Checkpoint}，滞后 {s.Lag} 个事件");
            }

            return 0;
        }, ct));
        return new Command("projections", "读模型（投影）的维护") { rebuild, status };
    }
}

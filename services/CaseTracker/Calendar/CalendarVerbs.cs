using System.CommandLine;
using CaseTracker.Cli;
using CaseTracker.Pipeline;

namespace CaseTracker.Calendar;

public static class CalendarVerbs
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "节假日通知数据：每行“日期,类型,通知”，"
                + "类型为 holiday（工作日放假）或 workday（周末调休上班）",
        };
        var load = new Command("load",
            "载入国务院办公厅的节假日安排通知（如下一年度），无需升级即生效。所载年度整体替换。") { file };
        load.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var path = parse.GetValue(file)!;
            var csv = path.Exists ? await File.ReadAllTextAsync(path.FullName, token) : throw new UserError("FILE", $"文件“{path.FullName}”不存在。");
            var years = await session.Services.GetRequiredService<PolicySource>().LoadNoticeAsync(csv, "cli", session.Time, token);
            var refreshed = await session.Services.GetRequiredService<ReadModels.ReadModelSet>().RefreshOpenDeadlinesAsync(token);
            await session.Output.WriteLineAsync($"已载入 {string.Join("、", years)} 年的节假日安排；已更新 {refreshed} 件未办结案件的期限。");
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
}

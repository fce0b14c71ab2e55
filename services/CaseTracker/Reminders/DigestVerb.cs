using System.CommandLine;
using System.Globalization;
using CaseTracker.Cli;

namespace CaseTracker.Reminders;

/// <summary><c>casetracker digest --as-of DATE [--dry-run]</c>: the morning digest of a day, printed (dry run) or stored.</summary>
public static class DigestVerb
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "业务日期 yyyy-MM-dd（默认今天，Asia/Shanghai）" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只打印将发给谁、发什么，不写入通知" };
        var digest = new Command("digest", "每日办理提醒：每位经办人、监督人员的超期、到期、临近期限等案件（仅工作日）。") { asOf, dryRun };
        digest.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var text = parse.GetValue(asOf);
            DateOnly date;
            if (text is null)
            {
                date = session.Today;
            }
            else if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                await session.Error.WriteLineAsync($"--as-of：“{text}”不是日期（应为 yyyy-MM-dd）。");
                return 2;
            }

            var run = session.Services.GetRequiredService<DigestRun>();
            if (!run.IsDigestDay(date))
            {
                await session.Output.WriteLineAsync($"{date:yyyy-MM-dd} 不是工作日（按工作日历），不发送提醒。");
                return 0;
            }

            var digests = parse.GetValue(dryRun) ? await run.PlanAsync(date, token) : await run.DeliverAsync(date, token);
            foreach (var d in digests)
            {
                await session.Output.WriteLineAsync($"→ {d.User}" + (d.Email is null ? "（站内通知）" : $" <{d.Email}>（站内通知）"));
                await session.Output.WriteLineAsync(d.Text());
                await session.Output.WriteLineAsync();
            }

            await session.Output.WriteLineAsync(parse.GetValue(dryRun)
                ? $"试运行：{date:yyyy-MM-dd} 将提醒 {digests.Count} 人（未写入）。"
                : $"{date:yyyy-MM-dd} 已提醒 {digests.Count} 人（同一天已提醒过的不再重复）。");
            return 0;
        }, ct));
        return digest;
    }
}

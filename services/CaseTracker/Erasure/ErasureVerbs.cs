using System.CommandLine;
using System.Globalization;
using CaseTracker.Cli;
using CaseTracker.Pipeline;

namespace CaseTracker.Erasure;

/// <summary>
/// <c>casetracker erase --agency A --number N --reason R</c> / <c>casetracker erase --applicant-id-hash H --reason R</c>
/// (or <c>--applicant-id-file F</c>: the ID number read from a file, never from the command line), and
/// <c>casetracker retention set|list|run|report</c>: the erasure of personal data without the web.
/// </summary>
public static class ErasureVerbs
{
    public const string By = "cli";

    public static Command Erase()
    {
        var agency = new Option<string?>("--agency") { Description = "案件所属机关全称（与 --number 一起：删除一件案件）" };
        var number = new Option<string?>("--number") { Description = "案件编号" };
        var hash = new Option<string?>("--applicant-id-hash")
        {
            Description = "申请人身份证号的散列（64 位十六进制，applicant_keys 中 kind=id 的 hash）：删除该申请人全部案件",
        };
        var idFile = new Option<string?>("--applicant-id-file") { Description = "存放申请人身份证号的文件（第一行）；“-”表示标准输入。身份证号不在命令行上给出。" };
        var reason = new Option<string?>("--reason") { Description = "删除理由（必填），例如“申请人要求删除”" };
        var command = new Command("erase", "删除申请人的个人信息（个人信息保护法第四十七条）：记录删除事件，销毁其密钥，删除检索散列；统计不变，不可恢复。")
        {
            agency, number, hash, idFile, reason,
        };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var eraser = session.Services.GetRequiredService<PersonalDataEraser>();
            session.Services.GetRequiredService<RequestContext>().Actor = By;
            var (a, n, h, f) = (parse.GetValue(agency), parse.GetValue(number), parse.GetValue(hash), parse.GetValue(idFile));
            var byCase = a is not null || n is not null;
            var byApplicant = h is not null || f is not null;
            if (byCase == byApplicant)
            {
                throw new UserError("--agency", "erase：请给出 --agency 和 --number（一件案件），或 --applicant-id-hash / --applicant-id-file（一位申请人的全部案件），二者选一。");
            }

            IReadOnlyList<ErasedCase> erased;
            if (byCase)
            {
                erased = [await eraser.EraseCaseAsync(a, n, parse.GetValue(reason), By, token)];
            }
            else
            {
                if (f is not null)
                {
                    h = await eraser.IdHashAsync(await Users.UserVerbs.ReadPasswordAsync(f, token), token)
                        ?? throw new UserError("--applicant-id-file", "--applicant-id-file：文件中没有身份证号。");
                }

                erased = await eraser.EraseApplicantAsync(h, parse.GetValue(reason), By, token);
            }

            await CatchUpAsync(session, token);
            foreach (var e in erased)
            {
                await session.Output.WriteLineAsync($"{e.Agency}\t{e.CaseNumber}\t{(e.AlreadyErased ? "此前已删除" : "已删除")}");
            }

            await session.Output.WriteLineAsync($"已删除 {erased.Count(e => !e.AlreadyErased)} 件案件的申请人个人信息（不可恢复）。");
            return 0;
        }, ct));
        return command;
    }

    public static Command Retention()
    {
        var retention = new Command("retention", "保存期限规则：每个机关的申请人个人信息于结案满 N 年后删除（serve 每天自动执行）。");
        var agency = new Option<string>("--agency") { Description = "机关全称", Required = true };
        var years = new Option<string?>("--years") { Description = "结案后保存年限（1–100）；不给则取消该机关的规则" };
        var set = new Command("set", "设置或取消一个机关的保存期限规则。") { agency, years };
        set.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var rule = await session.Services.GetRequiredService<Retention>().SetAsync(parse.GetValue(agency), parse.GetValue(years), By, token);
            await session.Output.WriteLineAsync(rule is null
                ? $"已取消“{parse.GetValue(agency)!.Trim()}”的保存期限规则。"
                : $"已保存：{rule.Agency}的申请人个人信息于结案满 {rule.Years} 年后删除。");
            return 0;
        }, ct));
        retention.Subcommands.Add(set);

        var list = new Command("list", "列出保存期限规则。");
        list.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var rules = await session.Services.GetRequiredService<Retention>().RulesAsync(token);
            await session.Output.WriteLineAsync("机关\t保存年限\t设置人");
            foreach (var r in rules)
            {
                await session.Output.WriteLineAsync($"{r.Agency}\t{r.Years}\t{r.SetBy}");
            }

            return 0;
        }, ct));
        retention.Subcommands.Add(list);

        var asOf = new Option<string?>("--as-of") { Description = "业务日期 yyyy-MM-dd（默认今天，Asia/Shanghai）" };
        var run = new Command("run", "立即执行保存期限规则，并记入执行记录。") { asOf };
        run.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var text = parse.GetValue(asOf);
            var date = session.Today;
            if (text is not null && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                throw new UserError("--as-of", $"--as-of：“{text}”不是日期（应为 yyyy-MM-dd）。");
            }

            if (date > session.Today)
            {
                throw new UserError("--as-of", $"--as-of：{date:yyyy-MM-dd} 晚于今天 {session.Today:yyyy-MM-dd}。");
            }

            session.Services.GetRequiredService<RequestContext>().Actor = By;
            await CatchUpAsync(session, token);
            var result = await session.Services.GetRequiredService<Retention>().RunAsync(date, By, scheduled: false, token);
            await CatchUpAsync(session, token);
            await WriteRunAsync(session.Output, result);
            return 0;
        }, ct));
        retention.Subcommands.Add(run);

        var report = new Command("report", "执行记录：每次执行的时间、执行人、删除的案件及件数。");
        report.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            await CatchUpAsync(session, token);
            var runs = await session.Services.GetRequiredService<Retention>().RunsAsync(token);
            foreach (var r in runs)
            {
                await WriteRunAsync(session.Output, r);
            }

            var count = await session.Services.GetRequiredService<ErasureQueries>().CountAsync(token);
            await session.Output.WriteLineAsync($"共执行 {runs.Count} 次；已删除个人信息的案件共 {count} 件（含手工删除）。");
            return 0;
        }, ct));
        retention.Subcommands.Add(report);
        return retention;
    }

    /// <summary>A verb has no projection worker: the read models (which case is closed when, the erasures) are brought up to date.</summary>
    private static Task CatchUpAsync(CliSession session, CancellationToken ct) =>
        session.Services.GetRequiredService<ReadModels.ReadModelSet>().CatchUpAsync(null, ct);

    private static async Task WriteRunAsync(TextWriter output, RetentionRun run)
    {
        await output.WriteLineAsync(
            $"{run.At.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}（业务日期 {run.AsOf:yyyy-MM-dd}，{run.By}）：删除 {run.Total} 件"
            + (run.Completed > 0 ? $"，补完此前未销毁的密钥 {run.Completed} 个" : ""));
        foreach (var item in run.Items)
        {
            await output.WriteLineAsync($"  {item.Agency}（满 {item.Years} 年，结案早于 {item.ClosedBefore:yyyy-MM-dd}）：{item.CaseNumbers.Count} 件"
                + (item.CaseNumbers.Count == 0 ? "" : "：" + string.Join("、", item.CaseNumbers)));
        }
    }
}

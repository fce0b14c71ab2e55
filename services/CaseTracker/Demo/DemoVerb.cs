using System.CommandLine;
using CaseTracker.Agencies;
using CaseTracker.Cli;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;

namespace CaseTracker.Demo;

public static class DemoVerb
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "随机种子：同一种子、同一天生成同样的数据", DefaultValueFactory = _ => 2026 };
        var perYear = new Option<int>("--per-year") { Description = "每年的申请数", DefaultValueFactory = _ => 1500 };
        var years = new Option<int>("--years") { Description = "覆盖的年数（截至今天）", DefaultValueFactory = _ => 4 };
        var command = new Command("demo",
            $"写入一套示例数据：{DemoAgencies.District}及其部门和街道，数年的申请，"
                + "各种办理环节和结果，部分超期、部分复议诉讼。")
        {
            seed, perYear, years,
        };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            if (parse.GetValue(perYear) is < 1 or > 200_000 || parse.GetValue(years) is < 1 or > 10)
            {
                throw new Pipeline.UserError("--per-year", "每年申请数应在 1 到 200000 之间，年数应在 1 到 10 之间。");
            }

            var written = await DemoWriter.WriteAsync(
                session.Services, session.Output, parse.GetValue(seed), parse.GetValue(perYear), parse.GetValue(years), token);
            await session.Output.WriteLineAsync($"示例数据已写入：{DemoAgencies.All.Count} 个机关，{written} 件申请。");
            return 0;
        }, ct));
        return command;
    }
}

public static class DemoWriter
{
    /// <summary>
    /// Writes the demo agencies, their staff (<see cref="DemoAccounts"/>) and the demo cases the store does not have yet
    /// (each assigned to its agency's demo 经办人 on the day it was received), then catches up the read models.
    /// </summary>
    public static async Task<int> WriteAsync(IServiceProvider services, TextWriter output, int seed, int perYear, int years, CancellationToken ct)
    {
        await services.GetRequiredService<AgencyDirectory>().SaveAsync(
            DemoAgencies.All.Select(a => new Agency(a.Name, a.Parent)).ToList(), "demo", ct);
        if (await DemoAccounts.EnsureAsync(services, ct) is { } passwordFile)
        {
            await output.WriteLineAsync(
                $"示例账号：{DemoAccounts.Supervisor}（监督人员，{DemoAgencies.District}），{DemoAccounts.CaseworkerOf(DemoAgencies.All[0].Name)}–"
                + $"{DemoAccounts.CaseworkerOf(DemoAgencies.All[^1].Name)}（各机关经办人，承办本机关的示例申请）；密码在文件：{passwordFile}");
        }

        var store = services.GetRequiredService<IEventStore>();
        var policy = services.GetRequiredService<CasePolicy>();
        var existing = await services.GetRequiredService<StreamIndex>().VersionsAsync(ct);
        var cases = new DemoCases(seed, services.GetRequiredService<TimeProvider>().Today(), policy).Generate(perYear, years)
            .Where(c => !existing.ContainsKey(CaseStreams.For(c.CaseId)))
            .ToList();
        var metadata = new EventMetadata("demo", Guid.NewGuid());
        var written = await ProgressReporter.RunAsync("写入示例申请", output, async progress =>
        {
            var (done, count) = (0, 0);
            foreach (var chunk in cases.Chunk(2000))
            {
                var appends = chunk.Select(demo => Append(demo, policy, metadata)).ToList();
                AppendResult result;
                while ((result = await store.AppendManyAsync(appends, ct)) is AppendResult.Duplicate duplicate)
                {
                    // A number the store gave another case (demo data written on another day): that case is left out.
                    appends = appends.Where(a => a.StreamId != duplicate.StreamId).ToList();
                }

                count += result is AppendResult.Appended { Written: > 0 } ? appends.Count : 0;
                progress.Report(new ReplayProgress(done += chunk.Length, cases.Count));
            }

            return count;
        });
        await ProgressReporter.RunAsync("更新读模型", output, p => services.GetRequiredService<ReadModelSet>().CatchUpAsync(p, ct));
        return written;
    }

    private static StreamAppend Append(DemoCase demo, CasePolicy policy, EventMetadata metadata)
    {
        var receipt = (CaseCommand.Receive)demo.Commands[0];
        CaseCommand[] commands = [receipt, new CaseCommand.Assign(DemoAccounts.CaseworkerOf(demo.Agency), receipt.On), .. demo.Commands.Skip(1)];
        var events = CaseDecider.DecideAll(commands, CaseState.Initial, policy).Events;
        return new StreamAppend(CaseStreams.For(demo.CaseId), ExpectedVersion.NoStream,
            events.Select(e => new NewEvent(NewEvent.NewId(), e, metadata)).ToList(), UniqueClaim.Of(events));
    }
}

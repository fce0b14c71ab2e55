using System.CommandLine;
using CaseTracker.Cli;

namespace CaseTracker.ReadModels;

public static class ReadModelVerbs
{
    public static Command Create()
    {
        var rebuild = new Command("rebuild", "清空并从事件日志重放全部读模型（显示进度）。");
        rebuild.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var models = session.Services.GetRequiredService<ReadModelSet>();
            var applied = await ProgressReporter.RunAsync("重建读模型", session.Output, p => models.RebuildAsync(p, token));
            await session.Output.WriteLineAsync($"已重放 {applied} 个事件。");
            return 0;
        }, ct));

        var status = new Command("status", "显示每个读模型的检查点与滞后事件数。");
        status.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            foreach (var s in await session.Services.GetRequiredService<ReadModelSet>().StatusAsync(token))
            {
                await session.Output.WriteLineAsync($"{s.Name}：检查点 {s.Checkpoint}，滞后 {s.Lag} 个事件");
            }

            return 0;
        }, ct));
        return new Command("projections", "读模型（投影）的维护") { rebuild, status };
    }
}

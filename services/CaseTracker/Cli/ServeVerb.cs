using System.CommandLine;
using CaseTracker.Web;

namespace CaseTracker.Cli;

/// <summary>`casetracker serve`: the web application and the API on Kestrel, with the projections following the log.</summary>
public static class ServeVerb
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "监听地址", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo") { Description = "存储为空时写入示例数据" };
        var command = new Command("serve",
            "启动网页和 HTTP 接口（主服务）。首次启动时创建系统管理员 admin 并在控制台显示登录方式。") { urls, demo };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var options = new ServeOptions(parse.GetValue(urls)!, parse.GetValue(CliOptions.Store), parse.GetValue(demo));
                await using var host = await WebHost.StartAsync(options, parse.InvocationConfiguration.Output, ct);
                await host.App.WaitForShutdownAsync(ct);
                return 0;
            }
            catch (Exception e) when (Problem.Refusal(e) is { } refusal)
            {
                await error.WriteLineAsync($"错误：{refusal.ConsoleMessage}");
                return 2;
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"错误：无法在 {parse.GetValue(urls)} 上监听：{e.Message}");
                return 2;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception e)
            {
                await error.WriteLineAsync(
                    $"内部错误（{e.GetType().Name}）：{e.Message}。这是本软件的缺陷，请将此信息报告给系统维护人员。");
                return 70;
            }
        });
        return command;
    }
}

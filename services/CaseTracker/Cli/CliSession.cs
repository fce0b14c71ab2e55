using System.CommandLine;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.Pipeline;
using CaseTracker.Web;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseTracker.Cli;

/// <summary>One verb's run: the container over the store named by --store. Bad input ends it with exit status 2.</summary>
public sealed class CliSession(IServiceProvider services, TextWriter output, TextWriter error)
{
    public IServiceProvider Services { get; } = services;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public CasePolicy Policy => Services.GetRequiredService<CasePolicy>();

    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();

    public DateOnly Today => Time.Today();

    public IMediator Mediator => Services.GetRequiredService<IMediator>();

    /// <summary>Runs a verb against the store named by --store; a refusal is printed in Chinese, never a stack trace.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<CliSession, CancellationToken, Task<int>> verb, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            var configuration = CaseTrackerConfiguration.FromEnvironment(parse.GetValue(CliOptions.Store));
            await using var services = new ServiceCollection()
                .AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
                .AddCaseTracker(configuration)
                .BuildServiceProvider();
            await services.OpenCaseTrackerAsync(ct, error);
            return await verb(new CliSession(services, output, error), ct);
        }
        catch (Exception e) when (Problem.Refusal(e) is { } refusal)
        {
            await error.WriteLineAsync($"错误：{refusal.ConsoleMessage}");
            return 2;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await error.WriteLineAsync("已取消。");
            return 130;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"错误：无法读写文件：{e.Message}");
            return 2;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync(
                $"内部错误（{e.GetType().Name}）：{e.Message}。这是本软件的缺陷，请将此信息报告给系统维护人员。");
            return 70;
        }
    }
}

using System.CommandLine;
using CaseTracker.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Sql;
using CaseTracker.Hosting;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseTracker.Cli;

/// <summary>One verb's run: the store it opened and the services over it. Bad input ends it with exit status 2.</summary>
public sealed class CliSession(ServiceProvider services, SqlEventStore store, TextWriter output, TextWriter error) : IAsyncDisposable
{
    public SqlEventStore Store { get; } = store;

    public IServiceProvider Services { get; } = services;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public DocumentStore Documents => Services.GetRequiredService<DocumentStore>();

    public CasePolicy Policy => Services.GetRequiredService<CasePolicy>();

    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();

    public DateOnly Today => DateOnly.FromDateTime(Time.GetLocalNow().DateTime);

    public IMediator Mediator => Services.GetRequiredService<IMediator>();

    public static Action<ParseResult> Unused => _ => { };

    /// <summary>Runs a verb against the store named by --store; a refusal is printed in Chinese, never a stack trace.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<CliSession, CancellationToken, Task<int>> verb, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            var location = StoreLocation.Resolve(parse.GetValue(CliOptions.Store));
            var time = TimeProvider.System;
            var (store, policy) = await location.OpenWithPolicyAsync(time, ct);
            var services = new ServiceCollection()
                .AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
                .AddCaseTracker(store, policy, time)
                .BuildServiceProvider();
            await using var session = new CliSession(services, store, output, error);
            await ClaimBackfillReport.PrintAsync(store, error, ct);
            return await verb(session, ct);
        }
        catch (Exception e) when (ErrorMessages.ForUser(e) is { } message)
        {
            await error.WriteLineAsync($"错误：{message}");
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
            await error.WriteLineAsync($"内部错误（{e.GetType().Name}）：{e.Message}。这是本软件的缺陷，请将此信息报告给系统维护人员。");
            return 70;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ((IAsyncDisposable)Services).DisposeAsync();
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}

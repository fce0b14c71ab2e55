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
            var store = await location.OpenAsync(time, ct);
            var documents = new DocumentStore(store, time);
            var policy = new CasePolicy(await CalendarNotices.LoadAsync(documents, ct), ClockSettings.Default);
            var services = new ServiceCollection()
                .AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
                .AddCaseTracker(store, policy, time)
                .BuildServiceProvider();
            await using var session = new CliSession(services, store, output, error);
            return await verb(session, ct);
        }
        catch (Exception e) when (ErrorMessages.ForUser(e) is { } message)
        {
            await error.WriteLineAsync($"错误：{message}");
            return 2;
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

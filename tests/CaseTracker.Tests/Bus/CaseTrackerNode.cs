using CaseTracker.Bus;
using CaseTracker.Cases;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using MassTransit;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseTracker.Tests.Bus;

/// <summary>CaseTracker as <c>serve</c> runs it on the bus: a real store (a SQLite file or a PostgreSQL database), the outbox and the consumers.</summary>
public sealed class CaseTrackerNode : IAsyncDisposable
{
    private readonly IHost _host;

    private CaseTrackerNode(IHost host) => _host = host;

    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    public ICheckpointStore Checkpoints => Services.GetRequiredService<ICheckpointStore>();

    public IServiceProvider Services => _host.Services;

    /// <param name="store">As <c>--store</c> takes it: <c>sqlite:PATH</c> or <c>postgres:CONNECTION</c>.</param>
    /// <param name="waitForBus">Return only once the consumers' queue is bound (a message published then is not lost).</param>
    public static async Task<CaseTrackerNode> StartAsync(string store, Uri broker, bool waitForBus = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddStore(store);
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCaseTracker(builder.Configuration);
        builder.Services.AddCaseTrackerBus(broker);
        var host = builder.Build();
        await host.Services.OpenCaseTrackerAsync(default);
        await host.StartAsync();
        if (waitForBus)
        {
            var bus = host.Services.GetRequiredService<IBusControl>();
            await Eventually.ReturnsAsync(() => Task.FromResult(bus.CheckHealth().Status), s => s == BusHealthStatus.Healthy, "CaseTracker's bus to start");
        }

        return new CaseTrackerNode(host);
    }

    public async Task<CaseChange> RecordAsync(Guid caseId, CaseCommand command)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecordMilestone(caseId, command));
    }

    /// <summary>Receives a case and answers it (公开), as a caseworker would.</summary>
    public async Task<Guid> DecidedCaseAsync(string caseNumber, DateOnly receivedOn, DateOnly decidedOn)
    {
        var caseId = Guid.NewGuid();
        await RecordAsync(caseId, new CaseCommand.Receive(
            caseId, "市自然资源局", caseNumber, receivedOn, Channel.Online, ApplicantType.NaturalPerson, null, "土地征收批复", "电子文档"));
        await RecordAsync(caseId, new CaseCommand.Answer(decidedOn, Outcome.DisclosedProvided, GroundList.None, ""));
        return caseId;
    }

    public Task<IReadOnlyList<EventEnvelope>> StreamAsync(Guid caseId) => Store.ReadStreamAsync(CaseStreams.For(caseId));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

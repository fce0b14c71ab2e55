using System.Collections.Concurrent;
using CaseTracker.Contracts;
using CaseTracker.Tests.Bus;
using MassTransit;

namespace LitigationTracker.Tests;

/// <summary>CaseTracker's side of the wire for LitigationTracker's own tests: publishes case messages, keeps appeal messages.</summary>
public sealed class CaseTrackerStandIn : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private CaseTrackerStandIn(IBusControl bus) => _bus = bus;

    /// <summary>The appeal messages LitigationTracker published, in the order they arrived.</summary>
    public ConcurrentQueue<object> Messages { get; } = new();

    public static async Task<CaseTrackerStandIn> StartAsync(Uri broker)
    {
        CaseTrackerStandIn? standIn = null;
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker);
            rabbit.ReceiveEndpoint("casetracker-stand-in", endpoint =>
            {
                endpoint.ConcurrentMessageLimit = 1;
                endpoint.Handler<ReconsiderationFiledV1>(c => Keep(standIn!, c.Message));
                endpoint.Handler<ReconsiderationConcludedV1>(c => Keep(standIn!, c.Message));
                endpoint.Handler<LawsuitFiledV1>(c => Keep(standIn!, c.Message));
                endpoint.Handler<LawsuitConcludedV1>(c => Keep(standIn!, c.Message));
                endpoint.Handler<AgencyAppealFiledV1>(c => Keep(standIn!, c.Message));
                endpoint.Handler<AgencyAppealConcludedV1>(c => Keep(standIn!, c.Message));
            });
        });
        standIn = new CaseTrackerStandIn(bus);
        await bus.StartAsync();
        await Eventually.ReturnsAsync(() => Task.FromResult(bus.CheckHealth().Status), s => s == BusHealthStatus.Healthy, "the stand-in's bus to start");
        return standIn;
    }

    public Task PublishAsync<T>(T message)
        where T : class => _bus.Publish(message);

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    private static Task Keep(CaseTrackerStandIn standIn, object message)
    {
        standIn.Messages.Enqueue(message);
        return Task.CompletedTask;
    }
}

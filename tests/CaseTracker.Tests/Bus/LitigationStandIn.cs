using System.Collections.Concurrent;
using CaseTracker.Contracts;
using MassTransit;

namespace CaseTracker.Tests.Bus;

/// <summary>
/// The other side of the wire for CaseTracker's bus tests: a plain MassTransit bus on the same real broker that
/// publishes LitigationTracker's messages and keeps what CaseTracker publishes (and the faults of its consumers).
/// </summary>
public sealed class LitigationStandIn : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private LitigationStandIn(IBusControl bus) => _bus = bus;

    public ConcurrentQueue<ConsumeContext<CaseDecidedV1>> Decided { get; } = new();

    public ConcurrentQueue<ConsumeContext<CaseCorrectedV1>> Corrected { get; } = new();

    /// <summary>The faults of CaseTracker's consumers, for every appeal message this stand-in publishes.</summary>
    public ConcurrentQueue<AppealFault> Faults { get; } = new();

    public static async Task<LitigationStandIn> StartAsync(Uri broker)
    {
        LitigationStandIn? standIn = null;
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker);
            rabbit.ReceiveEndpoint("litigation-stand-in", endpoint =>
            {
                // One message at a time: the queues keep what arrives in the order the broker delivered it (with the
                // default limit, handlers run side by side and two deliveries could be kept the other way round —
                // a test comparing with the log's order failed so once).
                endpoint.ConcurrentMessageLimit = 1;
                endpoint.Handler<CaseDecidedV1>(c => Keep(standIn!.Decided, c));
                endpoint.Handler<CaseCorrectedV1>(c => Keep(standIn!.Corrected, c));
                endpoint.Handler<Fault<ReconsiderationFiledV1>>(c => Keep(standIn!.Faults, new AppealFault(c.Message.Message.CaseId, c.Message)));
                endpoint.Handler<Fault<ReconsiderationConcludedV1>>(c => Keep(standIn!.Faults, new AppealFault(c.Message.Message.CaseId, c.Message)));
                endpoint.Handler<Fault<LawsuitFiledV1>>(c => Keep(standIn!.Faults, new AppealFault(c.Message.Message.CaseId, c.Message)));
                endpoint.Handler<Fault<LawsuitConcludedV1>>(c => Keep(standIn!.Faults, new AppealFault(c.Message.Message.CaseId, c.Message)));
                endpoint.Handler<Fault<AgencyAppealFiledV1>>(c => Keep(standIn!.Faults, new AppealFault(Guid.Empty, c.Message)));
                endpoint.Handler<Fault<AgencyAppealConcludedV1>>(c => Keep(standIn!.Faults, new AppealFault(Guid.Empty, c.Message)));
            });
        });
        standIn = new LitigationStandIn(bus);
        await bus.StartAsync();
        await Eventually.ReturnsAsync(() => Task.FromResult(bus.CheckHealth().Status), s => s == BusHealthStatus.Healthy, "the stand-in's bus to start");
        return standIn;
    }

    public Task PublishAsync<T>(T message)
        where T : class => _bus.Publish(message);

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    private static Task Keep<T>(ConcurrentQueue<T> queue, T item)
    {
        queue.Enqueue(item);
        return Task.CompletedTask;
    }
}

/// <summary>A consumer's fault on one appeal message: the case it named (none for an appeal not tied to a case) and what went wrong.</summary>
public sealed record AppealFault(Guid CaseId, Fault Fault);

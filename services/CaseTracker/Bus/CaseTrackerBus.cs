using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseTracker.Bus;

/// <summary>The bus wiring of <c>serve</c>: the outbox, the appeal consumers, the broker's health check.</summary>
public static class CaseTrackerBus
{
    public const string BrokerVariable = "CASETRACKER_RABBITMQ";

    /// <summary>The queue CaseTracker reads LitigationTracker's messages from (its faults go to <c>…_error</c>).</summary>
    public const string AppealsQueue = "casetracker-appeals";

    /// <summary>The amqp URI in the setting <c>CASETRACKER_RABBITMQ</c>, or null when the bus is off.</summary>
    public static Uri? BrokerFrom(IConfiguration configuration) => configuration[BrokerVariable] switch
    {
        null or "" => null,
        var value when Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" or "rabbitmq" or "rabbitmqs" => uri,
        var value => throw new UserError(BrokerVariable,
            $"环境变量 {BrokerVariable}“{value}”不是有效的 RabbitMQ 地址，应形如 amqp://用户名:密码@主机:5672/虚拟主机。"),
    };

    /// <summary>Needs <c>AddCaseTracker</c>. The health check is MassTransit's bus check (tags "ready", "masstransit").</summary>
    public static IServiceCollection AddCaseTrackerBus(this IServiceCollection services, Uri broker)
    {
        services.AddHealthChecks();
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<AppealConsumer>();
            bus.AddConsumer<AgencyAppealConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker, host => host.PublisherConfirmation = true);
                rabbit.ReceiveEndpoint(AppealsQueue, endpoint =>
                {
                    // One at a time, in order: a conclusion must not overtake the filing it concludes. With several
                    // nodes, only one consumes at a time (x-single-active-consumer); if it dies, the next one takes over.
                    endpoint.ConcurrentMessageLimit = 1;
                    endpoint.SingleActiveConsumer = true;
                    endpoint.UseMessageRetry(retry =>
                    {
                        retry.Intervals(200, 1000, 5000);
                        retry.Ignore<NotFoundException>();
                        retry.Ignore<DomainException>();
                        retry.Ignore<UnreadableMessageException>();
                        retry.Ignore<ForbiddenException>();
                    });
                    endpoint.ConfigureConsumer<AppealConsumer>(context);
                    endpoint.ConfigureConsumer<AgencyAppealConsumer>(context);
                });
            });
        });
        services.TryAddSingleton<Web.Resilience.StoreOutage>();
        services.AddHostedService<CaseTrackerOutbox>();
        return services;
    }
}

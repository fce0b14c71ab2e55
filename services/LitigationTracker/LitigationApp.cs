using LitigationTracker.Appeals;
using LitigationTracker.Messaging;
using LitigationTracker.Storage;
using MassTransit;

namespace LitigationTracker;

/// <summary>Reconsiderations (行政复议) and lawsuits (行政诉讼) against the handling of disclosure requests.</summary>
public static class LitigationApp
{
    /// <summary>The queue of CaseTracker's messages (closed cases); its faults go to <c>…_error</c>.</summary>
    public const string CasesQueue = "litigation-cases";

    public static WebApplication Build(LitigationSettings settings, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        builder.Services.AddSingleton(new LitigationDb(settings.DatabasePath));
        builder.Services.AddSingleton<OutgoingPublisher>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<OutgoingPublisher>());
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<CaseConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(settings.Broker, host => host.PublisherConfirmation = true);
                rabbit.ReceiveEndpoint(CasesQueue, endpoint =>
                {
                    endpoint.ConcurrentMessageLimit = 1;
                    endpoint.UseMessageRetry(retry => retry.Intervals(200, 1000, 5000));
                    endpoint.ConfigureConsumer<CaseConsumer>(context);
                });
            });
        });

        var app = builder.Build();
        app.Services.GetRequiredService<LitigationDb>().Migrate();
        app.UseExceptionHandler();
        app.MapHealthChecks("/health");
        app.MapAppeals();
        return app;
    }
}

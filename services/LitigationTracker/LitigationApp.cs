using LitigationTracker.Appeals;
using LitigationTracker.Auth;
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
        builder.Services.AddSingleton(settings.Time ?? TimeProvider.System);
        builder.Services.AddSingleton(provider => new StaffDirectory(
            settings.CaseTracker, TimeSpan.FromSeconds(settings.IdentityCacheSeconds), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<StaffDirectory>>()));
        builder.Services.AddAuthentication(StaffAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, StaffAuthenticationHandler>(
                StaffAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
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
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapAppeals();
        app.MapAgencyAppeals();
        return app;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
namespace CaseTracker.Portal;

public static class PortalServices
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PortalIntake>();
        services.TryAddSingleton<Web.Resilience.StoreOutage>();
        services.AddHostedService<PortalLetterMailer>();
        return PortalLimits.AddPortalLimits(services, configuration);
    }

    /// <summary>The rate limiter, the public pages and API, the intake queue.</summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapPublicPages();
        app.MapPublicApi();
        app.MapIntakeQueue();
        return app;
    }
}

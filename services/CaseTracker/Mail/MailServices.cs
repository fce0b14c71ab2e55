using CaseTracker.Composition;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CaseTracker.Mail;

public static class MailServices
{
    /// <summary>The outbox (every verb and the host may enqueue) and its settings.</summary>
    public static IServiceCollection AddCaseTrackerMail(this IServiceCollection services)
    {
        services.AddSingleton(sp => MailSettings.Of(sp.GetRequiredService<IOptions<CaseTrackerOptions>>().Value));
        services.AddSingleton<MailOutbox>();
        return services;
    }

    /// <summary>The sender, in `serve` only.</summary>
    public static IServiceCollection AddCaseTrackerMailSender(this IServiceCollection services)
    {
        services.TryAddSingleton<Web.Resilience.StoreOutage>();
        services.AddSingleton<MailSender>();
        services.AddHostedService(sp => sp.GetRequiredService<MailSender>());
        return services;
    }
}

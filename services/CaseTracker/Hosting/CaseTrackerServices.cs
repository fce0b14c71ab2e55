using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using CaseTracker.Pipeline;
using CaseTracker.Projections;
using CaseTracker.Reports;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

[assembly: MediatorOptions(ServiceLifetime = ServiceLifetime.Scoped)]

namespace CaseTracker.Hosting;

public static class CaseTrackerServices
{
    /// <summary>What every verb and the web host share: the store, the policy, the mediator and its behaviors.</summary>
    public static IServiceCollection AddCaseTracker(this IServiceCollection services, SqlEventStore store, CasePolicy policy, TimeProvider time)
    {
        services.AddSingleton(store);
        services.AddSingleton<IEventStore>(store);
        services.AddSingleton<IReadModelDatabase>(store);
        services.AddSingleton(sp => new PolicySource(policy, sp.GetRequiredService<DocumentStore>()));
        // Today in the agency's time zone comes in as data: no business date may be later (domain.md §2).
        services.AddTransient(sp => sp.GetRequiredService<PolicySource>().Current with { Today = AgencyToday.Of(time) });
        services.AddSingleton(time);
        services.AddScoped<RequestContext>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<AgencyDirectory>();
        services.AddSingleton<Section2Figures>();
        services.AddSingleton<YearEndReports>();
        services.AddSingleton<ReadModels>();
        services.AddScoped<Ledger.LedgerImport>();
        services.AddScoped<Ledger.LedgerExportQuery>();
        services.AddMediator();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(MetadataBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(RetryOnConflictBehavior<,>));
        return services;
    }
}

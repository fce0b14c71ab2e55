using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.Reports;
using Mediator;

[assembly: MediatorOptions(ServiceLifetime = ServiceLifetime.Scoped)]

namespace CaseTracker.Composition;

public static class CaseTrackerServices
{
    /// <summary>What every verb and the web host share: the store, the policy, the mediator and its behaviors.</summary>
    public static IServiceCollection AddCaseTracker(this IServiceCollection services, SqlEventStore store, CasePolicy policy, TimeProvider time)
    {
        services.AddSingleton(store);
        services.AddSingleton<IEventStore>(store);
        services.AddSingleton<IReadModelDatabase>(store);
        services.AddSingleton(sp => new PolicySource(policy, sp.GetRequiredService<DocumentStore>()));
        services.AddTransient(sp => sp.GetRequiredService<PolicySource>().Current);
        services.AddSingleton(time);
        services.AddScoped<RequestContext>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<AgencyDirectory>();
        services.AddSingleton<Section2Figures>();
        services.AddSingleton<YearEndReports>();
        services.AddSingleton<ReadModelSet>();
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

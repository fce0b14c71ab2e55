using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Deadlines;
using CaseTracker.Documents;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using CaseTracker.Ledger;
using CaseTracker.Letters;
using CaseTracker.Mail;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.ReadModels.Appeals;
using CaseTracker.ReadModels.CaseList;
using CaseTracker.Reports;
using CaseTracker.Users;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

[assembly: MediatorOptions(ServiceLifetime = ServiceLifetime.Scoped)]

namespace CaseTracker.Composition;

/// <summary>The one composition root: `serve`, every verb and the tests build their container here.</summary>
public static class CaseTrackerServices
{
    /// <summary>The settings, the store (opened on first use, disposed with the container), the policy, the features, the mediator and its behaviors.</summary>
    public static IServiceCollection AddCaseTracker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaseTrackerOptions>().Bind(configuration);
        services.TryAddSingleton(configuration);
        services.TryAddSingleton(RunningClock.From(configuration));
        services.AddSingleton<OpenedStore>();
        services.AddSingleton(sp => sp.GetRequiredService<OpenedStore>().Store);
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<SqlEventStore>());
        services.AddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<SqlEventStore>());
        services.AddSingleton<IReadModelDatabase>(sp => sp.GetRequiredService<SqlEventStore>());
        services.AddSingleton<DocumentStore>();
        services.AddSingleton(sp => new PolicySource(sp.GetRequiredService<OpenedStore>().InitialPolicy, sp.GetRequiredService<DocumentStore>()));
        // Today in the agency's time zone comes in as data: no business date may be later (domain.md §2).
        services.AddTransient(sp => sp.GetRequiredService<PolicySource>().Current with { Today = sp.GetRequiredService<TimeProvider>().Today() });
        services.AddScoped<RequestContext>();

        services.AddSingleton<AgencyDirectory>();
        services.AddSingleton<NextCaseNumber>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<Section2Figures>();
        services.AddSingleton<YearEndReports>();
        services.AddSingleton<AgencyAppeals>();
        services.AddSingleton<ReportService>();
        services.AddSingleton(sp => new Search.ApplicantKeyring(sp.GetRequiredService<IReadModelDatabase>(), configuration, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReadModelSet>();
        services.AddSingleton<ReadModelFreshness>();
        services.AddSingleton<ReadModelCache>();
        services.AddScoped<Search.CaseSearch>();
        services.AddScoped<Search.PossibleRepeats>();
        services.AddSingleton<Assignment.Assignees>();
        services.AddScoped<Assignment.WorkloadQuery>();
        services.AddScoped<Reminders.DigestBuilder>();
        services.AddScoped<Reminders.DigestRun>();
        services.AddSingleton<CaseListQueries>();
        services.AddSingleton<ReportQueries>();
        services.AddSingleton<AppealQueries>();
        services.AddSingleton<StreamIndex>();
        services.AddScoped<DashboardQuery>();
        services.AddScoped<LedgerImport>();
        services.AddScoped<LedgerExportQuery>();
        services.AddSingleton<LetterTemplates>();
        services.AddTransient<LetterDesk>();
        services.AddCaseTrackerMail();
        services.AddCaseDocuments(configuration);
        Erasure.ErasureServices.AddErasure(services);

        services.AddMediator();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(MetadataBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TextBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Statute.StatuteBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(RetryOnConflictBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TracingBehavior<,>));
        return services;
    }

    /// <summary>
    /// Opens the store and loads the policy before the first request or verb, so that a store that cannot be opened is
    /// reported at start; the container then owns the store.
    /// </summary>
    /// <summary>Opens the store (migrations run here); what an upgrade has to tell the operator goes to <paramref name="notices"/>.</summary>
    public static async Task OpenCaseTrackerAsync(this IServiceProvider services, CancellationToken ct, TextWriter? notices = null)
    {
        await services.GetRequiredService<OpenedStore>().OpenAsync(ct);
        var store = services.GetRequiredService<SqlEventStore>();
        if (notices is not null)
        {
            await ClaimBackfillReport.PrintAsync(store, notices, ct);
        }
    }
}

namespace CaseTracker.Erasure;

public static class ErasureServices
{
    /// <summary>The erasure of personal data and the retention rules (every host: web and verbs).</summary>
    public static IServiceCollection AddErasure(this IServiceCollection services)
    {
        services.AddScoped<PersonalDataEraser>();
        services.AddScoped<ErasedDocuments>();
        services.AddScoped<Retention>();
        services.AddSingleton<ErasureQueries>();
        return services;
    }
}

using CaseTracker.EventStore;
using CaseTracker.Projections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CaseTracker.Web;

public sealed record ProjectionHealth(string Name, long Lag, string Checkpoint);

public sealed record HealthReport(string Status, bool StoreReachable, long Events, IReadOnlyList<ProjectionHealth> Projections, string? Error = null);

public static class Health
{
    /// <summary>GET /health: the store answers, and how far each read model is behind the log. 503 when the store does not answer.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async Task<IResult> (IEventStore store, ReadModels readModels, CancellationToken ct) =>
        {
            try
            {
                var events = await store.CountAfterAsync(LogPosition.Start, ct);
                var projections = (await readModels.StatusAsync(ct)).Select(s => new ProjectionHealth(s.Name, s.Lag, s.Checkpoint.ToString())).ToList();
                return TypedResults.Ok(new HealthReport(projections.All(p => p.Lag < 10_000) ? "ok" : "lagging", true, events, projections));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return TypedResults.Json(new HealthReport("unavailable", false, 0, [], "事件存储无法访问：" + error.GetType().Name), statusCode: 503);
            }
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

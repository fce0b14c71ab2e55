using CaseTracker.EventStore;
using CaseTracker.ReadModels;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseTracker.Web;

public sealed record ProjectionHealth(string Name, long Lag, string Checkpoint);

/// <param name="Broker">The message broker's health when one is configured (CASETRACKER_RABBITMQ), else null.</param>
public sealed record HealthReport(
    string Status, bool StoreReachable, long Events, IReadOnlyList<ProjectionHealth> Projections, string? Error = null, string? Broker = null);

public static class Health
{
    /// <summary>GET /health: the store answers, and how far each read model is behind the log. 503 when the store does not answer.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async Task<IResult> (IEventStore store, ReadModelSet readModels, IServiceProvider services, CancellationToken ct) =>
        {
            try
            {
                var events = await store.CountAfterAsync(LogPosition.Start, ct);
                var projections = (await readModels.StatusAsync(ct)).Select(s => new ProjectionHealth(s.Name, s.Lag, s.Checkpoint.ToString())).ToList();
                var broker = services.GetService<HealthCheckService>() is { } checks ? (await checks.CheckHealthAsync(ct)).Status.ToString() : null;
                if (broker is not (null or nameof(HealthStatus.Healthy)))
                {
                    return TypedResults.Json(
                        new HealthReport("broker-unavailable", true, events, projections, "消息代理（RabbitMQ）连接异常", broker), statusCode: 503);
                }

                return TypedResults.Ok(new HealthReport(projections.All(p => p.Lag < 10_000) ? "ok" : "lagging", true, events, projections, Broker: broker));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return TypedResults.Json(new HealthReport("unavailable", false, 0, [], "事件存储无法访问：" + error.GetType().Name), statusCode: 503);
            }
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

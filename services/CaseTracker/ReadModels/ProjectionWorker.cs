using CaseTracker.EventStore.Documents;

namespace CaseTracker.ReadModels;

/// <summary>Keeps the read models following the log while the host runs; starts them again (from their checkpoints) after a failure.</summary>
public sealed class ProjectionWorker(
    ReadModelSet readModels, ReadModelCache cache, DocumentStore documents, ILogger<ProjectionWorker> log, Web.Resilience.StoreOutage outage) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Stored deadlines computed with another calendar or other clock settings are refreshed before following the log.
            var refreshed = await readModels.RefreshIfClockChangedAsync(documents, stoppingToken);
            if (refreshed > 0)
            {
                cache.Invalidate();
                log.LogInformation("Clock settings or calendar changed since the read model was computed: {Count} open cases' deadlines refreshed", refreshed);
            }
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested && Web.Resilience.StoreOutage.IsOutage(error))
        {
            outage.Report(error, "refreshing stored deadlines");
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogError(error, "Refreshing stored deadlines at start-up failed");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await readModels.RunAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                if (Web.Resilience.StoreOutage.IsOutage(error))
                {
                    outage.Report(error, "projections");
                }
                else
                {
                    log.LogError(error, "Projection runner failed; restarting in 5 s");
                }

                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}

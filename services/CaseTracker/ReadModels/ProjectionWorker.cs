namespace CaseTracker.ReadModels;

/// <summary>Keeps the read models following the log while the host runs; restarts a runner that fails.</summary>
public sealed class ProjectionWorker(ReadModelSet readModels, ILogger<ProjectionWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await readModels.RunAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(error, "Projection runner failed; restarting in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}

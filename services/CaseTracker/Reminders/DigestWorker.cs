using CaseTracker.Pipeline;

namespace CaseTracker.Reminders;

/// <summary>
/// Looks once a minute whether the morning digest is due (a working day, Asia/Shanghai, at or after
/// <c>CASETRACKER_DIGEST_HOUR</c>, default 8, not yet run today) and runs it. A host that was down at the hour runs it
/// when it comes back the same day (once); days it missed entirely are not sent late.
/// </summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<DigestWorker> log,
    Web.Resilience.StoreOutage outage) : BackgroundService
{
    public const string HourVariable = "CASETRACKER_DIGEST_HOUR";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hour = int.TryParse(configuration[HourVariable], out var h) && h is >= 0 and <= 23 ? h : 8;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var run = scope.ServiceProvider.GetRequiredService<DigestRun>();
                scope.ServiceProvider.GetRequiredService<RequestContext>().Access = Access.System;
                if (await run.DueAsync(time.GetUtcNow(), hour, stoppingToken) is { } day)
                {
                    var sent = await run.DeliverAsync(day, stoppingToken);
                    log.LogInformation("Daily digest of {Day}: {Count} users notified", day, sent.Count);
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested && Web.Resilience.StoreOutage.IsOutage(error))
            {
                outage.Report(error, "daily digest");
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(error, "Daily digest run failed; trying again in a minute");
            }

            await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

using CaseTracker.Pipeline;

namespace CaseTracker.Erasure;

/// <summary>
/// The retention rules on schedule: once a day (Asia/Shanghai) at or after <c>CASETRACKER_RETENTION_HOUR</c> (default 2;
/// "off" turns the schedule off), looking every ten minutes. A host that was down at the hour runs it when it comes back
/// that day; the day's run is kept under its day, so it runs once.
/// </summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<RetentionWorker> log,
    Web.Resilience.StoreOutage outage) : BackgroundService
{
    public const string HourVariable = "CASETRACKER_RETENTION_HOUR";
    public const string By = "retention-schedule";

    /// <summary>The hour of the day's run; null: off.</summary>
    public static int? Hour(string? setting) =>
        string.Equals(setting?.Trim(), "off", StringComparison.OrdinalIgnoreCase) ? null
        : int.TryParse(setting, out var h) && h is >= 0 and <= 23 ? h : 2;

    /// <summary>The business day whose run is due now, if it has not run yet.</summary>
    public static async Task<DateOnly?> DueAsync(Retention retention, DateTimeOffset now, int hour, CancellationToken ct)
    {
        var local = now.ToOffset(TimeSpan.FromHours(8));
        var day = DateOnly.FromDateTime(local.DateTime);
        return local.Hour >= hour && !await retention.ScheduledRunExistsAsync(day, ct) ? day : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Hour(configuration[HourVariable]) is not { } hour)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
                context.Access = Access.System;
                context.Actor = By;
                var retention = scope.ServiceProvider.GetRequiredService<Retention>();
                if (await DueAsync(retention, time.GetUtcNow(), hour, stoppingToken) is { } day)
                {
                    var run = await retention.RunAsync(day, By, scheduled: true, stoppingToken);
                    log.LogInformation("Retention run of {Day}: personal data of {Count} cases erased", day, run.Total);
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested && Web.Resilience.StoreOutage.IsOutage(error))
            {
                outage.Report(error, "retention run");
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(error, "Retention run failed; trying again in ten minutes");
            }

            await Task.Delay(TimeSpan.FromMinutes(10), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

using CaseTracker.Web.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CaseTracker.Web;

/// <summary>Every refusal becomes problem+json under /api and a page in Chinese elsewhere; nothing leaks a stack trace.</summary>
public sealed class RefusalHandler(ILoggerFactory loggers) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception error, CancellationToken cancellationToken)
    {
        if (error is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        var problem = Problem.From(error);
        if (problem is null && Resilience.StoreOutage.IsOutage(error))
        {
            context.RequestServices.GetRequiredService<Resilience.StoreOutage>().Report(error, $"{context.Request.Method} {context.Request.Path.Value}");
            context.Response.Headers.RetryAfter = Resilience.StoreOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            problem = Resilience.StoreOutage.Problem;
        }

        if (problem is null)
        {
            loggers.CreateLogger("CaseTracker.Web").LogError(error, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            problem = Problem.Internal;
        }

        var result = ErrorHandling.IsApi(context) ? problem.ToResult() : PageResult.Of<ErrorPage>(new { problem.Title, problem.Detail }, problem.Status);
        await result.ExecuteAsync(context);
        return true;
    }
}

public static class ErrorHandling
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}

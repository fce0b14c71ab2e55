using CaseTracker.Web.Components;

namespace CaseTracker.Web;

/// <summary>Every refusal becomes problem+json under /api and a page in Chinese elsewhere; nothing leaks a stack trace.</summary>
public static class ErrorHandling
{
    public static IApplicationBuilder UseRefusals(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception error) when (!context.Response.HasStarted && !(error is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            var problem = Problem.From(error);
            if (problem is null)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CaseTracker.Web")
                    .LogError(error, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path.Value);
                problem = Problem.Internal;
            }

            context.Response.Clear();
            var result = IsApi(context) ? problem.ToResult() : PageResult.Of<ErrorPage>(new { problem.Title, problem.Detail }, problem.Status);
            await result.ExecuteAsync(context);
        }
    });

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}

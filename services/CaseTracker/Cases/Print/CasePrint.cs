using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.Web.Auth;
using CaseTracker.Web.Components;

namespace CaseTracker.Cases.Print;

/// <summary><c>GET /cases/{id}/print</c>: the whole case file for printing on A4 (summary, 承办人, deadline, timeline).</summary>
public static class CasePrint
{
    public static IEndpointRouteBuilder MapCasePrint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cases/{id:guid}/print", Show).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Show(HttpContext context, Guid id, IEventStore store, CasePolicy policy, TimeProvider time)
    {
        var file = await CaseFile.LoadAsync(store, id, context.Access(), context.RequestAborted);
        var today = time.Today();
        return PageResult.Of<CasePrintPage>(new
        {
            File = file,
            SeesPersonalData = context.Access().SeesPersonalData(WebUser.Of(context.User)!.Role, file.Agency),
            Reading = StatutoryClock.Read(file.State, today, policy.Calendar, policy.Settings),
            Today = today,
        });
    }
}

using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.Pipeline;
using CaseTracker.Web.Auth;
using Mediator;

namespace CaseTracker.Assignment;

/// <summary>At intake through the form, a caseworker who registers a request becomes its 承办人 (a supervisor can change it).</summary>
public static class IntakeAssignment
{
    public static async Task<CaseChange> AssignRegistrarAsync(HttpContext context, IMediator mediator, CaseChange received, CancellationToken ct)
    {
        if (WebUser.Of(context.User) is not { Role: Role.Caseworker } user || received.State.Assignee is not null || received.Events.Count == 0
            || received.State.Receipt is not { } receipt || user.Agency != receipt.Agency)
        {
            return received;
        }

        return await mediator.Send(new RecordMilestone(received.CaseId, new CaseCommand.Assign(user.Name, context.RequestServices.GetRequiredService<TimeProvider>().Today()), received.Version), ct);
    }
}

using System.Diagnostics;
using CaseTracker.Domain.Cases;
using Mediator;

namespace CaseTracker.Pipeline;

/// <summary>A span per mediator request on the `CaseTracker` source: the request, the case, the refusal's rule. Never personal data.</summary>
public sealed class TracingBehavior<TMessage, TResponse>(RequestContext context) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Source.StartActivity($"casetracker {typeof(TMessage).Name}");
        if (activity is not null)
        {
            activity.SetTag("casetracker.request", typeof(TMessage).Name);
            activity.SetTag("casetracker.correlation_id", context.CorrelationId.ToString());
            if (message is ICaseChange change)
            {
                activity.SetTag("casetracker.case_id", change.CaseId.ToString());
            }

            if (message is CaseTracker.Cases.RecordMilestone milestone)
            {
                activity.SetTag("casetracker.command", milestone.Command.GetType().Name);
            }
        }

        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception error) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error is DomainException d ? d.Rule : error.GetType().Name);
            throw;
        }
    }
}

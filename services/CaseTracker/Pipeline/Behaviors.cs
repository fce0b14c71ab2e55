using System.Diagnostics;
using CaseTracker.EventStore;
using CaseTracker.ReadModels.CaseList;
using Mediator;

namespace CaseTracker.Pipeline;

/// <summary>Correlation and a log scope for every request; the duration as a metric.</summary>
public sealed class MetadataBehavior<TMessage, TResponse>(RequestContext context, ILogger<MetadataBehavior<TMessage, TResponse>> log)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var scope = log.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = context.CorrelationId, ["Actor"] = context.Actor });
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            Telemetry.RequestDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("request", typeof(TMessage).Name));
        }
    }
}

/// <summary>Agency scoping, written once: a change to a case needs the right to record for that case's agency.</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(RequestContext context, CaseListQueries caseList, IEventStore store)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var access = context.Access;
        if (message is ICaseChange change && !access.AllAgencies)
        {
            // The stream the API has just read names the agency (no read-model query on the command path); otherwise the
            // read model, which may not have a case written a moment ago: the stream itself is the fallback.
            var agency = change.NewCaseAgency
                ?? (message is Cases.RecordMilestone { Loaded: [{ Event: Domain.Cases.CaseEvent.Received loaded }, ..] } ? loaded.Agency : null)
                ?? (await caseList.FindAsync(change.CaseId, cancellationToken))?.Agency
                ?? (await store.LoadCaseAsync(change.CaseId, cancellationToken)).Receipt?.Agency
                ?? throw new NotFoundException("案件不存在。");
            if (!access.CanRecord(agency))
            {
                throw new ForbiddenException($"您无权办理“{agency}”的案件。");
            }
        }

        return await next(message, cancellationToken);
    }
}

/// <summary>Two people saving the same case at once: the later one is decided again on the fresh state.</summary>
public sealed class RetryOnConflictBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private const int Attempts = 3;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not ICaseChange { ExpectedVersion: null })
        {
            return await next(message, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(message, cancellationToken);
            }
            catch (VersionConflictException) when (attempt < Attempts)
            {
                Telemetry.ConflictRetries.Add(1);
            }
        }
    }
}

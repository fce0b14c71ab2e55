using CaseTracker.Cases;
using CaseTracker.Contracts;
using CaseTracker.Domain.Cases;
using CaseTracker.Pipeline;
using MassTransit;
using Mediator;

namespace CaseTracker.Bus;

/// <summary>
/// What LitigationTracker records becomes a milestone of the case, through the one write path. Redelivery is harmless:
/// the decider turns a repeated identical command into no events. A message the case cannot take (unknown case, a
/// refusal, an unreadable result) is logged and faulted to the error queue without retries.
/// </summary>
public sealed class AppealConsumer(IMediator mediator, RequestContext context, ILogger<AppealConsumer> log) :
    IConsumer<ReconsiderationFiledV1>,
    IConsumer<ReconsiderationConcludedV1>,
    IConsumer<LawsuitFiledV1>,
    IConsumer<LawsuitConcludedV1>
{
    public const string Actor = "litigation";

    public Task Consume(ConsumeContext<ReconsiderationFiledV1> c) =>
        RecordAsync(c, c.Message.MessageId, c.Message.CaseId, new CaseCommand.FileReconsideration(c.Message.AppealId, c.Message.FiledOn, c.Message.Body));

    public Task Consume(ConsumeContext<ReconsiderationConcludedV1> c) =>
        RecordAsync(c, c.Message.MessageId, c.Message.CaseId,
            new CaseCommand.ConcludeReconsideration(c.Message.AppealId, c.Message.ConcludedOn, ParseResult(c.Message.Result)));

    public Task Consume(ConsumeContext<LawsuitFiledV1> c) =>
        RecordAsync(c, c.Message.MessageId, c.Message.CaseId,
            new CaseCommand.FileLawsuit(c.Message.AppealId, c.Message.FiledOn, c.Message.Court, c.Message.AfterReconsideration));

    public Task Consume(ConsumeContext<LawsuitConcludedV1> c) =>
        RecordAsync(c, c.Message.MessageId, c.Message.CaseId,
            new CaseCommand.ConcludeLawsuit(c.Message.AppealId, c.Message.ConcludedOn, ParseResult(c.Message.Result)));

    public static AppealResult ParseResult(string result) => result switch
    {
        AppealResults.Upheld => AppealResult.Upheld,
        AppealResults.Corrected => AppealResult.Corrected,
        AppealResults.Other => AppealResult.Other,
        _ => throw new UnreadableMessageException($"审理结果“{result}”不是“维持”“纠正”“其他”之一。"),
    };

    private async Task RecordAsync(ConsumeContext consume, Guid messageId, Guid caseId, CaseCommand command)
    {
        context.Actor = Actor;
        context.CausationId = messageId;
        context.CorrelationId = consume.CorrelationId ?? messageId;
        try
        {
            var change = await mediator.Send(new RecordMilestone(caseId, command), consume.CancellationToken);
            log.LogInformation("{Message} {MessageId} on case {CaseId}: {Count} event(s)", command.GetType().Name, messageId, caseId, change.Events.Count);
        }
        catch (Exception e) when (e is NotFoundException or DomainException)
        {
            log.LogError("{Message} {MessageId} refused for case {CaseId}: {Reason}", command.GetType().Name, messageId, caseId, e.Message);
            throw;
        }
    }
}

/// <summary>A message that no retry can make readable.</summary>
public sealed class UnreadableMessageException(string message) : Exception(message);

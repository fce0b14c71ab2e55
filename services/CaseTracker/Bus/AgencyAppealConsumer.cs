using CaseTracker.Contracts;
using CaseTracker.Reports;
using MassTransit;

namespace CaseTracker.Bus;

/// <summary>
/// Appeals not tied to a request, as LitigationTracker announces them, kept for section 四 (<see cref="AgencyAppeals"/>).
/// Same queue as <see cref="AppealConsumer"/>: in order, one at a time. Redelivery is harmless; a message that contradicts
/// what is kept, or names an agency CaseTracker does not know, is logged and faulted without retries.
/// </summary>
public sealed class AgencyAppealConsumer(AgencyAppeals appeals, ILogger<AgencyAppealConsumer> log) :
    IConsumer<AgencyAppealFiledV1>,
    IConsumer<AgencyAppealConcludedV1>
{
    public Task Consume(ConsumeContext<AgencyAppealFiledV1> c) =>
        RecordAsync(c.Message.MessageId, c.Message.Agency, c.Message.AppealId, "AgencyAppealFiled",
            () => appeals.FileAsync(c.Message, AppealConsumer.Actor, c.CancellationToken));

    public Task Consume(ConsumeContext<AgencyAppealConcludedV1> c) =>
        RecordAsync(c.Message.MessageId, c.Message.Agency, c.Message.AppealId, "AgencyAppealConcluded",
            () => appeals.ConcludeAsync(c.Message, AppealConsumer.Actor, c.CancellationToken));

    private async Task RecordAsync(Guid messageId, string agency, string appealId, string what, Func<Task<bool>> record)
    {
        try
        {
            var recorded = await record();
            log.LogInformation("{Message} {MessageId} for {Agency} {AppealId}: {Effect}", what, messageId, agency, appealId,
                recorded ? "recorded" : "already recorded");
        }
        catch (Exception e) when (e is Pipeline.NotFoundException or UnreadableMessageException)
        {
            log.LogError("{Message} {MessageId} refused for {Agency} {AppealId}: {Reason}", what, messageId, agency, appealId, e.Message);
            throw;
        }
    }
}

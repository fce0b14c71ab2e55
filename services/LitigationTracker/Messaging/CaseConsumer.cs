using CaseTracker.Contracts;
using LitigationTracker.Storage;
using MassTransit;

namespace LitigationTracker.Messaging;

/// <summary>Learns from CaseTracker which cases are closed (and their corrections). Each message id is applied once.</summary>
public sealed class CaseConsumer(LitigationDb db, ILogger<CaseConsumer> log) : IConsumer<CaseDecidedV1>, IConsumer<CaseCorrectedV1>
{
    public async Task Consume(ConsumeContext<CaseDecidedV1> context)
    {
        var m = context.Message;
        var applied = await db.HandleOnceAsync(m.MessageId, (connection, tx) =>
        {
            CaseRows.Upsert(connection, tx, m);
            return Task.CompletedTask;
        });
        log.LogInformation("CaseDecidedV1 {MessageId} for case {CaseId}: {Outcome}", m.MessageId, m.CaseId, applied ? "recorded" : "already handled");
    }

    public async Task Consume(ConsumeContext<CaseCorrectedV1> context)
    {
        var m = context.Message;
        var known = true;
        await db.HandleOnceAsync(m.MessageId, (connection, tx) =>
        {
            known = CaseRows.Correct(connection, tx, m);
            return Task.CompletedTask;
        });
        if (!known)
        {
            log.LogWarning("CaseCorrectedV1 {MessageId} for case {CaseId}, which is not known here: ignored", m.MessageId, m.CaseId);
        }
    }
}

using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Sql;

namespace CaseTracker.EventStore.Projections.Appeals;

/// <summary>The reconsiderations and lawsuits of every case (section 四 of the year-end tables).</summary>
public sealed class AppealsProjection : IProjection
{
    public string Name => "case-appeals.v1";

    public async Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct)
    {
        if (envelope.Event is not (CaseEvent.ReconsiderationFiled or CaseEvent.ReconsiderationConcluded or CaseEvent.LawsuitFiled or CaseEvent.LawsuitConcluded or CaseEvent.DateCorrected))
        {
            return;
        }

        var history = await context.Store.ReadStreamAsync(envelope.StreamId, ReadDirection.Forwards, 1, (int)envelope.StreamVersion, ct);
        var state = CaseDecider.Fold(history.Select(e => e.Event));
        if (state.Receipt is not { } receipt)
        {
            return;
        }

        await context.ExecuteAsync("appeals_delete_case", ct, ("case_id", receipt.CaseId));
        foreach (var appeal in state.Appeals)
        {
            await context.ExecuteAsync("appeal_insert", ct,
                ("case_id", receipt.CaseId), ("appeal_id", appeal.Id), ("kind", appeal.Kind.ToString()), ("filed_on", appeal.FiledOn),
                ("after_reconsideration", appeal.AfterReconsideration), ("concluded_on", appeal.ConcludedOn), ("result", appeal.Result?.ToString()));
        }
    }

    public Task ResetAsync(ProjectionContext context, CancellationToken ct) => context.ExecuteAsync("appeals_delete", ct);
}

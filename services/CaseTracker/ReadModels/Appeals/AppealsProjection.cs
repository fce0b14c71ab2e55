using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;

namespace CaseTracker.ReadModels.Appeals;

/// <summary>The reconsiderations and lawsuits of every case (section 四 of the year-end tables).</summary>
public sealed class AppealsProjection : IProjection
{
    public string Name => "case-appeals.v1";

    public IReadOnlyList<string> Tables => ["case_appeals"];

    public Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct) =>
        ApplyPageAsync([envelope], context, ct);

    /// <summary>
    /// Rewrites the appeals of each case the page touches, once, as of its last appeal event in the page (only those
    /// events and corrections change <see cref="CaseState.Appeals"/>); the writes of the page go in one batch each.
    /// </summary>
    public async Task ApplyPageAsync(IReadOnlyList<EventEnvelope> page, ProjectionContext context, CancellationToken ct)
    {
        var touched = new Dictionary<string, EventEnvelope>(StringComparer.Ordinal);
        foreach (var envelope in page.Where(e => e.Event is CaseEvent.ReconsiderationFiled or CaseEvent.ReconsiderationConcluded
            or CaseEvent.LawsuitFiled or CaseEvent.LawsuitConcluded or CaseEvent.DateCorrected))
        {
            touched[envelope.StreamId] = envelope;
        }

        var deletes = new List<(string Name, object? Value)[]>();
        var inserts = new List<(string Name, object? Value)[]>();
        var histories = touched.Count == 0 ? null : new PageHistories(page, touched.ContainsKey);
        foreach (var last in touched.Values)
        {
            var state = await histories!.StateAsOfAsync(last, context.Store, ct);
            if (state.Receipt is not { } receipt)
            {
                continue;
            }

            deletes.Add([("case_id", receipt.CaseId)]);
            inserts.AddRange(state.Appeals.Select(appeal => new (string Name, object? Value)[]
            {
                ("case_id", receipt.CaseId), ("appeal_id", appeal.Id), ("kind", appeal.Kind.ToString()), ("filed_on", appeal.FiledOn),
                ("after_reconsideration", appeal.AfterReconsideration), ("concluded_on", appeal.ConcludedOn), ("result", appeal.Result?.ToString()),
            }));
        }

        await context.ExecuteEachAsync("appeals_delete_case", deletes, ct);
        await context.ExecuteEachAsync("appeal_insert", inserts, ct);
    }

    public Task ResetAsync(ProjectionContext context, CancellationToken ct) => context.ExecuteAsync("appeals_delete", ct);
}

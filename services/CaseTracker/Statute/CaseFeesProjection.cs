using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;
using CaseTracker.ReadModels;

namespace CaseTracker.Statute;

/// <summary>
/// <c>case_fees</c>: each case's fee notice (国办函〔2020〕109号), amount and payment, in fen, for section 六 of the year-end
/// report. Rewritten per case from its history whenever a fee event or a date correction arrives.
/// </summary>
public sealed class CaseFeesProjection : IProjection
{
    public string Name => "case-fees.v1";

    public IReadOnlyList<string> Tables => ["case_fees"];

    public Task ApplyAsync(EventEnvelope envelope, ProjectionContext context, CancellationToken ct) =>
        ApplyPageAsync([envelope], context, ct);

    public async Task ApplyPageAsync(IReadOnlyList<EventEnvelope> page, ProjectionContext context, CancellationToken ct)
    {
        var touched = new Dictionary<string, EventEnvelope>(StringComparer.Ordinal);
        foreach (var envelope in page.Where(e => e.Event is CaseEvent.FeeNoticeIssued or CaseEvent.FeePaid or CaseEvent.FeeWaived
            or CaseEvent.FeeLapsed or CaseEvent.DateCorrected))
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
            if (state.Fee is { } fee)
            {
                inserts.Add(
                [
                    ("case_id", receipt.CaseId), ("agency", receipt.Agency), ("notice_on", fee.IssuedOn), ("method", fee.Method.ToString()),
                    ("quantity", fee.Quantity), ("amount_fen", Fen(fee.Amount)), ("paid_on", fee.PaidOn),
                    ("paid_fen", fee.PaidOn is null ? null : Fen(fee.PaidAmount ?? fee.Amount)), ("waived_on", fee.WaivedOn),
                ]);
            }
        }

        await context.ExecuteEachAsync("case_fees_delete_case", deletes, ct);
        await context.ExecuteEachAsync("case_fees_insert", inserts, ct);
    }

    public Task ResetAsync(ProjectionContext context, CancellationToken ct) => context.ExecuteAsync("case_fees_delete_all", ct);

    public static long Fen(decimal amount) => (long)decimal.Round(amount * 100m, MidpointRounding.AwayFromZero);
}

using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Fees;
using CaseTracker.Domain.Outcomes;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Projections;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.ReadModels.Applicants;
using CaseTracker.ReadModels.CaseList;
using Mediator;

namespace CaseTracker.Statute;

/// <summary>
/// What a milestone needs from other cases, looked up before the decider sees it: the 按件 number of a fee notice (the
/// applicant's requests to the agency in the month, by the keyed hash of the ID number or organisation code,
/// 国办函〔2020〕109号), and for 不予处理·重复申请 that the linked request is the same applicant's, earlier, and answered
/// (条例第三十六条第（六）项).
/// </summary>
public sealed class StatuteBehavior<TMessage, TResponse>(IEventStore store, IReadModelDatabase database, ReadModelFreshness freshness)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is RecordMilestone { Command: CaseCommand.IssueFeeNotice or CaseCommand.Answer { Outcome: Outcome.NotProcessedRepeat } } record)
        {
            var command = await ResolveAsync(record, cancellationToken);
            return await next((TMessage)(object)(record with { Command = command }), cancellationToken);
        }

        return await next(message, cancellationToken);
    }

    private async Task<CaseCommand> ResolveAsync(RecordMilestone record, CancellationToken ct)
    {
        var state = await store.LoadCaseAsync(record.CaseId, ct);
        if (state.Receipt is not { } receipt)
        {
            return record.Command;
        }

        switch (record.Command)
        {
            case CaseCommand.IssueFeeNotice { Method: FeeMethod.PerItem, Quantity: null } fee:
                // applicant_month_requests joins the applicants' keys with the case list (for the case numbers).
                await freshness.WaitForAsync([ApplicantKeysProjection.ProjectionName, CaseListProjection.ProjectionName], "method", ct);
                return WithAmount(fee with { Quantity = await ItemNumberAsync(receipt, ct) });
            case CaseCommand.Answer { RepeatOf: { Length: > 0 } earlier } answer:
                await freshness.WaitForAsync([CaseListProjection.ProjectionName, ApplicantKeysProjection.ProjectionName], "repeatOf", ct);
                return await CheckRepeatAsync(answer, receipt, earlier.Trim(), ct);
            default:
                return record.Command;
        }
    }

    /// <summary>A notice entered without an amount states the computation's (an amount entered is left for the decider to check).</summary>
    private static CaseCommand.IssueFeeNotice WithAmount(CaseCommand.IssueFeeNotice fee) =>
        fee.Amount == 0 && fee.Quantity is { } q ? fee with { Amount = FeeSchedule.Compute(fee.Method, q).Amount } : fee;

    /// <summary>This request's number among the applicant's requests to the agency in its calendar month of receipt.</summary>
    private async Task<int> ItemNumberAsync(CaseEvent.Received receipt, CancellationToken ct)
    {
        var hash = (await KeysAsync(receipt.CaseId, ct)).GetValueOrDefault("id")
            ?? throw new UserError("method", "按件计收须按申请人（身份证件号码或统一社会信用代码）统计当月申请件数，本案没有登记申请人的证件号码，请改为按量计收或先补登证件号码（国办函〔2020〕109号）。");
        var monthStart = new DateOnly(receipt.On.Year, receipt.On.Month, 1);
        var requests = await database.QueryAsync("applicant_month_requests",
            c => new FeeItem(c.Date("received_on"), c.String("case_number")), ct,
            ("hash", hash), ("agency", receipt.Agency), ("month_start", monthStart), ("month_end", monthStart.AddMonths(1).AddDays(-1)));
        return FeeSchedule.ItemNumber(requests, new FeeItem(receipt.On, receipt.CaseNumber));
    }

    private async Task<CaseCommand> CheckRepeatAsync(CaseCommand.Answer answer, CaseEvent.Received receipt, string earlier, CancellationToken ct)
    {
        var found = (await database.QueryAsync("case_by_number",
            c => (Id: c.Guid("case_id"), ReceivedOn: c.Date("received_on"), ClosedOn: c.NullableDate("closed_on"), Outcome: c.NullableEnum<Outcome>("outcome")),
            ct, ("agency", receipt.Agency), ("case_number", earlier))).FirstOrDefault();
        const string Field = "repeatOf";
        if (found.Id == Guid.Empty)
        {
            throw new UserError(Field, $"本机关没有编号为“{earlier}”的申请：重复申请须关联此前已经答复的申请（条例第三十六条第（六）项）。");
        }

        if (found.ReceivedOn > receipt.On || found.Id == receipt.CaseId)
        {
            throw new UserError(Field, $"申请“{earlier}”不早于本申请，不能作为重复申请的原申请（条例第三十六条第（六）项）。");
        }

        if (found.ClosedOn is null || found.Outcome is null or Outcome.Withdrawn or Outcome.OtherSupplementLapsed or Outcome.OtherFeeUnpaid)
        {
            throw new UserError(Field, $"申请“{earlier}”尚未答复（或未经答复即终止）：重复申请是指申请人就已经答复的申请再次提出（条例第三十六条第（六）项）。");
        }

        var mine = await KeysAsync(receipt.CaseId, ct);
        var theirs = await KeysAsync(found.Id, ct);
        var kind = mine.ContainsKey("id") && theirs.ContainsKey("id") ? "id" : "name";
        if (!mine.TryGetValue(kind, out var a) || !theirs.TryGetValue(kind, out var b) || a != b)
        {
            throw new UserError(Field, $"申请“{earlier}”不是同一申请人提出的（按证件号码或姓名/名称核对）：重复申请须是同一申请人就同一内容再次申请（条例第三十六条第（六）项）。");
        }

        return answer with { RepeatOf = earlier };
    }

    private async Task<Dictionary<string, string>> KeysAsync(Guid caseId, CancellationToken ct) =>
        (await database.QueryAsync("applicant_keys_of_case", c => (Kind: c.String("kind"), Hash: c.String("hash")), ct, ("case_id", caseId)))
            .ToDictionary(k => k.Kind, k => k.Hash, StringComparer.Ordinal);
}

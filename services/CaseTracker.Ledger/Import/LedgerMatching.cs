using CaseTracker.Domain.Cases;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Ledger.Import;

/// <summary>
/// Whether a case already has the milestone a ledger command records: the same milestone on the same date. The ledger
/// has one consultation, one reconsideration and one lawsuit per case: they are the case's first of each, whatever id
/// the case gave them.
/// </summary>
internal static class LedgerMatching
{
    /// <summary>The command still to decide (null: the case has it), or a conflict with what the case has.</summary>
    public static (CaseCommand? Command, string? Conflict) Remaining(CaseCommand command, CaseState s) => command switch
    {
        Receive r when s.Receipt is { } known => (null, SameReceipt(r, known)),
        RequestSupplement r when s.Supplement?.RequestedOn == r.On => (null, null),
        RecordSupplement r when s.Supplement?.ReceivedOn == r.On => (null, null),
        StartConsultation c when s.Consultations.FirstOrDefault() is { } first => (null, first.Kind == c.Kind && first.StartedOn == c.On
            ? null
            : $"台账的征求意见（{c.Kind.Label()}，{c.On:yyyy-MM-dd}开始）与系统中已登记的（{first.Kind.Label()}，{first.StartedOn:yyyy-MM-dd}开始）不一致。"),
        RecordConsultationAnswer a when s.Consultations.FirstOrDefault() is { } first => first.EndedOn == a.On
            ? (null, null)
            : (a with { ConsultationId = first.Id }, null),
        Extend x when s.Extension?.On == x.On => (null, null),
        IssueFeeNotice f when s.Fee?.IssuedOn == f.On => (null, null),
        RecordFeePayment p when s.Fee?.PaidOn == p.On => (null, null),
        Answer a when s.Closure is { } c && c.On == a.On && c.Outcome == a.Outcome && c.WithheldGrounds == a.WithheldGrounds => (null, null),
        FileReconsideration f when First(s, AppealKind.Reconsideration) is { } known => (null, SameFiling(known, f.On)),
        ConcludeReconsideration c when First(s, AppealKind.Reconsideration) is { } known =>
            known.ConcludedOn == c.On && known.Result == c.Result ? (null, null) : (c with { AppealId = known.Id }, null),
        FileLawsuit f when First(s, AppealKind.Lawsuit) is { } known => (null, SameFiling(known, f.On)),
        ConcludeLawsuit c when First(s, AppealKind.Lawsuit) is { } known =>
            known.ConcludedOn == c.On && known.Result == c.Result ? (null, null) : (c with { AppealId = known.Id }, null),
        _ => (command, null),
    };

    private static string? SameReceipt(Receive r, CaseEvent.Received known) =>
        known.On == r.On && known.ApplicantType == r.ApplicantType && known.Channel == r.Channel
            ? null
            : $"台账的收到日期、申请人类型、申请方式（{r.On:yyyy-MM-dd}、{r.ApplicantType.Label()}、{r.Channel.Label()}）"
                + $"与系统中已登记的（{known.On:yyyy-MM-dd}、{known.ApplicantType.Label()}、{known.Channel.Label()}）不一致；如系统中的有误，请在系统中更正。";

    private static string? SameFiling(Appeal known, DateOnly on) =>
        known.FiledOn == on ? null : $"台账的立案日期{on:yyyy-MM-dd}与系统中已登记的{known.FiledOn:yyyy-MM-dd}不一致。";

    private static Appeal? First(CaseState s, AppealKind kind) => s.Appeals.FirstOrDefault(a => a.Kind == kind);
}

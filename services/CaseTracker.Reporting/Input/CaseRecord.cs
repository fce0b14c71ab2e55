using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;

namespace CaseTracker.Reporting.Input;

/// <summary>
/// What the year-end tables need of one case, with the dates of its milestones so that any as-of date can be
/// applied in the counting. Carries no personal data (统计不需要个人信息).
/// </summary>
public sealed record CaseRecord(
    Guid CaseId,
    string Agency,
    ApplicantType ApplicantType,
    DateOnly ReceivedOn,
    DateOnly? ClosedOn,
    Outcome? Outcome,
    IReadOnlyList<AppealRecord> Appeals,
    Channel Channel = Channel.Other,
    FeeRecord? Fee = null)
{
    /// <summary>The record of a case's effective history (corrections applied: the column is the applicant type as corrected).</summary>
    public static CaseRecord From(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var receipt = state.Receipt ?? throw new ArgumentException("本案尚未登记收到申请，不能列入统计。", nameof(state));
        var appeals = state.Appeals
            .Select(a => new AppealRecord(a.Id, a.Kind, a.AfterReconsideration, a.FiledOn, a.ConcludedOn, a.Result))
            .ToList();
        var fee = state.Fee is { } f ? new FeeRecord(f.IssuedOn, f.Amount, f.PaidOn, f.PaidAmount) : null;
        return new CaseRecord(receipt.CaseId, receipt.Agency, receipt.ApplicantType, receipt.On,
            state.Closure?.On, state.Closure?.Outcome, appeals, receipt.Channel, fee);
    }

    /// <summary>The case as it stood on a date, or null if it had not been received yet.</summary>
    public CaseRecord? AsOf(DateOnly date)
    {
        if (ReceivedOn > date)
        {
            return null;
        }

        var closed = ClosedOn <= date;
        var appeals = Appeals.Where(a => a.FiledOn <= date).Select(a => a.AsOf(date)).ToList();
        var fee = Fee is { } f && f.NoticeOn <= date ? f.AsOf(date) : null;
        return this with { ClosedOn = closed ? ClosedOn : null, Outcome = closed ? Outcome : null, Appeals = appeals, Fee = fee };
    }
}

/// <summary>A reconsideration (行政复议) or lawsuit (行政诉讼) about a case's answer.</summary>
public sealed record AppealRecord(
    string AppealId,
    AppealKind Kind,
    bool AfterReconsideration,
    DateOnly FiledOn,
    DateOnly? ConcludedOn,
    AppealResult? Result)
{
    public AppealRecord AsOf(DateOnly date) =>
        ConcludedOn <= date ? this : this with { ConcludedOn = null, Result = null };
}

/// <summary>A fee notice (国办函〔2020〕109号) as section 六 counts it: when and how much, and what was paid when.</summary>
public sealed record FeeRecord(DateOnly NoticeOn, decimal Amount, DateOnly? PaidOn, decimal? PaidAmount)
{
    public FeeRecord AsOf(DateOnly date) => PaidOn <= date ? this : this with { PaidOn = null, PaidAmount = null };
}

/// <summary>
/// A reconsideration or lawsuit about the agency's disclosure work that is not tied to a request in the system (about 主动公开,
/// or about a request never recorded here): section 四 counts every one (recorded by legal staff in the litigation service).
/// </summary>
public sealed record AgencyAppealRecord(string Agency, string Subject, AppealRecord Appeal);

using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Domain.Cases;

public static partial class CaseDecider
{
    // 个人信息保护法第四十七条: the agency deletes personal data once the purpose is served or the retention period ends.
    // A case keeps its facts (dates, outcome, appeals): the tables do not change. Erasing twice records nothing.
    /// <summary>
    /// From the erasure on, the case carries no personal data whether or not the key is destroyed yet: the receipt's
    /// applicant reads as <see cref="PersonalData.Erased"/> (the same as once the key is gone), every fact stays.
    /// </summary>
    private static CaseState Erase(CaseState state, PersonalDataErased erased)
    {
        var history = state.Receipt?.Applicant is { } applicant && applicant != PersonalData.Erased(applicant.SubjectId)
            ? Replace(state.History, 0, e => ((Received)e) with { Applicant = PersonalData.Erased(applicant.SubjectId) })
            : state.History;
        return CaseProjection.Derive(history) with
        {
            Version = state.Version + 1,
            CorrectionCount = state.CorrectionCount,
            Assignee = state.Assignee,
            Erasure = erased,
        };
    }

    private static void CheckErasure(PersonalDataErased erased, CaseState state, CasePolicy policy)
    {
        var receipt = state.Receipt ?? throw new DomainException("case.not_received", "本案尚未登记收到申请，没有可删除的个人信息。");
        if (erased.Reason.Length == 0)
        {
            throw new DomainException("erasure.reason_required", "删除个人信息须写明理由（个人信息保护法第四十七条：处理目的已实现、保存期限已届满等）。");
        }

        if (erased.By.Length == 0)
        {
            throw new DomainException("erasure.by_required", "删除个人信息须写明操作人（个人信息保护法第四十七条）。");
        }

        if (policy.Today is { } today && erased.On > today)
        {
            throw new DomainException("date.in_future", $"删除个人信息的日期{erased.On:yyyy-MM-dd}晚于今天{today:yyyy-MM-dd}。");
        }

        if (erased.On < receipt.On)
        {
            throw new DomainException("date.before_receipt", $"删除个人信息的日期{erased.On:yyyy-MM-dd}早于收到申请日期{receipt.On:yyyy-MM-dd}。");
        }
    }
}

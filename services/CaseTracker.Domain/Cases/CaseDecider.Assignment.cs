using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Domain.Cases;

public static partial class CaseDecider
{
    // 条例第四条: the agency names who does the disclosure work; a case's 承办人 is one caseworker of its agency. That the
    // name is such a caseworker, and who may change it, the host checks against its users.
    private static void CheckAssignment(Assigned assigned, CaseState state, CasePolicy policy)
    {
        var receipt = state.Receipt ?? throw new DomainException("case.not_received", "本案尚未登记收到申请，不能指定承办人。");
        if (assigned.Assignee.Length == 0)
        {
            throw new DomainException("assignment.assignee_required", "指定承办人须写明承办人（条例第四条：由本机关的政府信息公开工作人员办理）。");
        }

        if (policy.Today is { } today && assigned.On > today)
        {
            throw new DomainException("date.in_future", $"指定承办人的日期{assigned.On:yyyy-MM-dd}晚于今天{today:yyyy-MM-dd}。");
        }

        if (assigned.On < receipt.On)
        {
            throw new DomainException("date.before_receipt", $"指定承办人的日期{assigned.On:yyyy-MM-dd}早于收到申请日期{receipt.On:yyyy-MM-dd}。");
        }
    }
}

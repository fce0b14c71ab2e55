using CaseTracker.Domain.Cases;
using CaseTracker.Pipeline;
using CaseTracker.Users;

namespace CaseTracker.Assignment;

/// <summary>
/// Who may be a case's 承办人 and who may name one: a caseworker account of the case's own agency; the first assignee
/// by anyone who may record for the agency, a change only by a supervisor (or an administrator).
/// </summary>
public sealed class Assignees(UserDirectory users)
{
    /// <summary>The caseworkers of an agency whose accounts are in use (the choices of the assignment form), by name.</summary>
    public async Task<IReadOnlyList<string>> OfAgencyAsync(string agency, CancellationToken ct) =>
        (await users.ListAsync(ct)).Where(u => u.Role == Role.Caseworker && u.Agency == agency && !u.Disabled).Select(u => u.Name).ToList();

    public async Task<CaseCommand.Assign> CheckAsync(CaseState state, string? assignee, Access access, DateOnly today, CancellationToken ct)
    {
        var agency = state.Receipt!.Agency;
        var name = assignee?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw new UserError("assignee", "承办人：请选择本机关的一名经办人。");
        }

        if (!access.CanRecord(agency))
        {
            throw new ForbiddenException($"您无权为“{agency}”的案件指定承办人。");
        }

        if (state.Assignee is { } current && current != name && access.Role is not (Role.Supervisor or Role.Administrator))
        {
            throw new ForbiddenException($"本案的承办人已是 {current}；更换承办人须由监督人员操作。");
        }

        var account = await users.FindAsync(name, ct);
        if (account is null || account.Role != Role.Caseworker || account.Agency != agency)
        {
            throw new UserError("assignee", $"承办人：“{name}”不是“{agency}”的经办人。");
        }

        if (account.Disabled)
        {
            throw new UserError("assignee", $"承办人：“{name}”的账号已停用，不能承办案件；请选择本机关在岗的经办人。");
        }

        return new CaseCommand.Assign(name, today);
    }
}

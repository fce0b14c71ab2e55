namespace CaseTracker.Domain.Cases;

/// <summary>
/// 个人信息 of an applicant (个人信息保护法). Stored protected under a key of its own subject, so that it can be
/// erased without rewriting events; no statistic depends on it.
/// </summary>
public sealed record PersonalData(Guid SubjectId, string Name, string? IdNumber, string? Phone, string? Address)
{
    public static PersonalData Erased(Guid subjectId) => new(subjectId, "（个人信息已删除）", null, null, null);
}

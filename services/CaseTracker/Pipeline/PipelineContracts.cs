namespace CaseTracker.Pipeline;

/// <summary>A change to a case: authorised against the case's agency, retried on a version conflict.</summary>
public interface ICaseChange
{
    Guid CaseId { get; }

    /// <summary>The agency named by the request itself (a new case); otherwise the case's own.</summary>
    string? NewCaseAgency { get; }

    /// <summary>An explicit expected version (If-Match): a conflict is the caller's to resolve, never retried.</summary>
    long? ExpectedVersion { get; }
}

/// <summary>The stream changed between read and append.</summary>
public sealed class VersionConflictException(Guid caseId, long expected, long actual)
    : Exception($"案件已被他人更新（期望版本 {expected}，当前版本 {actual}），请刷新后重试。")
{
    public Guid CaseId { get; } = caseId;

    public long Actual { get; } = actual;
}

/// <summary>The request is not allowed for the person asking.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

public sealed class NotFoundException(string message) : Exception(message);

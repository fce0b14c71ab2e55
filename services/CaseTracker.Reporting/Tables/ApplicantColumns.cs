using CaseTracker.Domain.Cases;

namespace CaseTracker.Reporting.Tables;

/// <summary>The columns of section 三 as the forms print them: the six applicant types, then 总计.</summary>
public static class ApplicantColumns
{
    public const string Total = "总计";

    public const string Organizations = "法人或其他组织";

    /// <summary>Number of applicant-type columns (总计 is the one after them).</summary>
    public const int TypeCount = 6;

    public const int TotalIndex = TypeCount;

    public static readonly IReadOnlyList<string> Labels = [.. Vocabulary.ApplicantTypes.Select(t => t.Label), Total];

    public static int IndexOf(ApplicantType type) => (int)type;
}

using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;

namespace CaseTracker.Cases;

/// <summary>
/// 编号 unique per agency: the refusal when the store finds the number held by another case
/// (<see cref="AppendResult.Duplicate"/> of a <see cref="UniqueClaim.CaseNumber"/> claim), the same through every door.
/// </summary>
public static class CaseNumberTaken
{
    public const string Rule = "case.number_taken";

    public static string Message(AppendResult.Duplicate duplicate)
    {
        var (agency, number) = duplicate.Claim.AsCaseNumber() ?? ("", duplicate.Claim.Key);
        var holder = CaseStreams.CaseIdOf(duplicate.HolderStreamId)?.ToString() ?? duplicate.HolderStreamId;
        return $"编号“{number}”在本机关（{agency}）已登记（案件 {holder}），不能重复登记：同一机关的编号必须唯一。";
    }

    public static DomainException Refusal(AppendResult.Duplicate duplicate) => new(Rule, Message(duplicate));
}

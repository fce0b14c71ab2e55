namespace CaseTracker.Contracts;

// Published by LitigationTracker. MessageId is minted once when legal staff record the step; a redelivery carries the
// same id. Result is one of AppealResults: 维持, 纠正 or 其他 (the columns of section 五 of the annual table).

/// <summary>行政复议 filed against the agency's handling of the case.</summary>
public sealed record ReconsiderationFiledV1(Guid MessageId, Guid CaseId, string AppealId, DateOnly FiledOn, string Body);

public sealed record ReconsiderationConcludedV1(Guid MessageId, Guid CaseId, string AppealId, DateOnly ConcludedOn, string Result);

/// <summary>行政诉讼; <paramref name="AfterReconsideration"/>: 复议后起诉.</summary>
public sealed record LawsuitFiledV1(Guid MessageId, Guid CaseId, string AppealId, DateOnly FiledOn, string Court, bool AfterReconsideration);

public sealed record LawsuitConcludedV1(Guid MessageId, Guid CaseId, string AppealId, DateOnly ConcludedOn, string Result);

public static class AppealResults
{
    public const string Upheld = "维持";
    public const string Corrected = "纠正";
    public const string Other = "其他";
}

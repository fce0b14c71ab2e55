namespace CaseTracker.Contracts;

// Published by LitigationTracker. MessageId is minted once when legal staff record the step; a redelivery carries the
// same id. Result is one of AppealResults: 维持, 纠正 or 其他 (the columns of section 五 of the annual table).

/// <summary>行政复议 filed against the agency's handling of the case.</summary>
public sealed record ReconsiderationFiledV1(Guid MessageId, Guid CaseId, string AppealId, DateOnly FiledOn, string Body);

public sealed record ReconsiderationConcludedV1(Guid MessageId, Guid CaseId, string AppealId, DateOnly ConcludedOn, string Result);

/// <summary>行政诉讼; <paramref name="AfterReconsideration"/>: 复议后起诉.</summary>
public sealed record LawsuitFiledV1(Guid MessageId, Guid CaseId, string AppealId, DateOnly FiledOn, string Court, bool AfterReconsideration);

public sealed record LawsuitConcludedV1(Guid MessageId, Guid CaseId, string AppealId, DateOnly ConcludedOn, string Result);

/// <summary>The kinds of appeal as the messages and LitigationTracker's API name them.</summary>
public static class AppealKinds
{
    /// <summary>行政复议.</summary>
    public const string Reconsideration = "reconsideration";

    /// <summary>行政诉讼.</summary>
    public const string Lawsuit = "lawsuit";
}

public static class AppealResults
{
    public const string Upheld = "维持";
    public const string Corrected = "纠正";
    public const string Other = "其他";
}

// Appeals about the agency's disclosure work that are not tied to a request in CaseTracker (about 主动公开, or about a
// request never recorded there). Section 四 of the annual report counts them like any other. The appeal is identified by
// its agency and its 案号. Kind is one of AppealKinds.

/// <summary>行政复议 or 行政诉讼 filed against the agency, not about a request in CaseTracker; <paramref name="Subject"/> says what it is about.</summary>
public sealed record AgencyAppealFiledV1(
    Guid MessageId, string Agency, string AppealId, string Kind, string Subject, DateOnly FiledOn, string Forum, bool AfterReconsideration);

public sealed record AgencyAppealConcludedV1(Guid MessageId, string Agency, string AppealId, DateOnly ConcludedOn, string Result);

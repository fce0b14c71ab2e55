using CaseTracker.Domain.Cases;

namespace CaseTracker.Ledger.Import;

/// <summary>The closed lists of the ledger columns the domain has no parser for.</summary>
public static class LedgerVocabulary
{
    public static readonly IReadOnlyList<(ConsultationKind Value, string Label)> ConsultationKinds =
    [
        (ConsultationKind.ThirdParty, ConsultationKind.ThirdParty.Label()),
        (ConsultationKind.OtherAgency, ConsultationKind.OtherAgency.Label()),
    ];

    public static readonly IReadOnlyList<(AppealResult Value, string Label)> AppealResults =
    [
        (AppealResult.Upheld, AppealResult.Upheld.Label()),
        (AppealResult.Corrected, AppealResult.Corrected.Label()),
        (AppealResult.Other, AppealResult.Other.Label()),
    ];

    /// <summary>“尚未审结” is what the tables print for an empty result; the ledger accepts it as empty.</summary>
    public const string Pending = "尚未审结";

    public const string Direct = "未经复议直接起诉";

    public const string AfterReconsideration = "复议后起诉";

    public static readonly IReadOnlyList<(bool Value, string Label)> LawsuitKinds = [(false, Direct), (true, AfterReconsideration)];
}

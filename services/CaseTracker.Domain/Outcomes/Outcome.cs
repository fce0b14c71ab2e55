namespace CaseTracker.Domain.Outcomes;

/// <summary>
/// The outcome taxonomy: the union of what every table format needs. Finer than any one format;
/// each format maps it to its rows (<see cref="OutcomeTaxonomy"/>).
/// </summary>
public enum Outcome
{
    DisclosedProactivelyPublished,
    DisclosedProvided,
    PartiallyDisclosed,
    RefusedStateSecret,
    RefusedProhibitedByLaw,
    RefusedSecurityStability,
    RefusedThirdPartyRights,
    RefusedInternalAffairs,
    RefusedProcessInformation,
    RefusedEnforcementCaseFile,
    RefusedAdministrativeQuery,
    UnavailableNotHeld,
    UnavailableDoesNotExist,
    UnavailableHeldByOtherAgency,
    UnavailableNeedsCreation,
    UnavailableUnclearAfterSupplement,
    NotProcessedPetition,
    NotProcessedRepeat,
    NotProcessedPublication,
    NotProcessedExcessive,
    NotProcessedConfirmation,
    OtherSupplementLapsed,
    OtherFeeUnpaid,
    OtherNotGovernmentInformation,
    OtherOther,
    Withdrawn,

    /// <summary>不予公开 as the old local tables recorded it, without one of the 2019 rules' grounds (legacy ledgers only).</summary>
    RefusedUnspecified,

    /// <summary>申请内容不明确 as the old local tables recorded it, without a supplement on file (legacy ledgers only).</summary>
    UnavailableUnclear,

    /// <summary>已移送档案馆: the information had gone to the archives (legacy ledgers only).</summary>
    TransferredToArchives,
}

/// <summary>答复类型: the first-level outcome a caseworker picks (the ledger's column).</summary>
public enum Disposition
{
    Disclosed,
    PartiallyDisclosed,
    Refused,
    Unavailable,
    NotProcessed,
    OtherHandling,
    Withdrawn,
}

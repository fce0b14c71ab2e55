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

using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseCommand;

namespace CaseTracker.Reporting.Tests.Support;

/// <summary>
/// For each printed row of 三, the caseworker's commands that end a case there (written out here, independently of
/// the product's outcome-to-row mapping). <c>variant</c> picks between the ways a row can be reached.
/// </summary>
public static class Closings
{
    public static IEnumerable<CaseCommand> For(string rowCode, DateOnly received, DateOnly close, int variant) => rowCode switch
    {
        "disclosed" => [Decide(close, variant % 2 == 0 ? Outcome.DisclosedProvided : Outcome.DisclosedProactivelyPublished)],
        "partially_disclosed" => [new Answer(close, Outcome.PartiallyDisclosed,
            new GroundList([variant % 2 == 0 ? Outcome.RefusedThirdPartyRights : Outcome.UnavailableNotHeld]), "部分公开")],
        "refused.state_secret" => [Decide(close, Outcome.RefusedStateSecret)],
        "refused.prohibited_by_law" => [Decide(close, Outcome.RefusedProhibitedByLaw)],
        "refused.security_stability" => [Decide(close, Outcome.RefusedSecurityStability)],
        "refused.third_party_rights" => [Decide(close, Outcome.RefusedThirdPartyRights)],
        "refused.internal_affairs" => [Decide(close, Outcome.RefusedInternalAffairs)],
        "refused.process_information" => [Decide(close, Outcome.RefusedProcessInformation)],
        "refused.enforcement_case_file" => [Decide(close, Outcome.RefusedEnforcementCaseFile)],
        "refused.administrative_query" => [Decide(close, Outcome.RefusedAdministrativeQuery)],
        "unable.not_held" => [Decide(close, (variant % 3) switch
        {
            0 => Outcome.UnavailableNotHeld,
            1 => Outcome.UnavailableDoesNotExist,
            _ => Outcome.UnavailableHeldByOtherAgency,
        })],
        "unable.needs_creation" => [Decide(close, Outcome.UnavailableNeedsCreation)],
        "unable.unclear_after_supplement" => [.. Supplemented(received), Decide(close, Outcome.UnavailableUnclearAfterSupplement)],
        "not_processed.petition" => [Decide(close, Outcome.NotProcessedPetition)],
        "not_processed.repeat" => [Decide(close, Outcome.NotProcessedRepeat) with { RepeatOf = "原申请-001" }],
        "not_processed.publication" => [Decide(close, Outcome.NotProcessedPublication)],
        "not_processed.excessive" => [new RequestReasons(received.AddDays(2)), Decide(close, Outcome.NotProcessedExcessive)],
        "not_processed.confirmation" => [Decide(close, Outcome.NotProcessedConfirmation)],
        "other.no_supplement" => Lapsed(received, close),
        "other.fee_unpaid" => [new IssueFeeNotice(received, 30m, FeeMethod.PerItem, received), new LapseFee(FeeLapse(received, close))],
        "other.other" => (variant % 3) switch
        {
            0 => [new Withdraw(close)],
            1 => [Decide(close, Outcome.OtherOther)],
            _ => [Decide(close, Outcome.OtherNotGovernmentInformation)],
        },
        // Format 2019: （六）其他处理 is one row; before 2021 no fee could be charged.
        "other" => (variant % 3) switch
        {
            0 => [new Withdraw(close)],
            1 => Lapsed(received, close),
            _ => [Decide(close, Outcome.OtherOther)],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(rowCode), rowCode),
    };

    private static Answer Decide(DateOnly on, Outcome outcome) => new(on, outcome, GroundList.None, "答复");

    /// <summary>A lapse is recorded only after the period the notice gave (条例第三十条): here one that ends before the closing day.</summary>
    private static CaseCommand[] Lapsed(DateOnly received, DateOnly close) =>
        [new RequestSupplement(received.AddDays(1), "请补充所需信息的名称", received.AddDays(2)), new LapseSupplement(close)];

    /// <summary>逾期未缴费 only after 20 working days from the day after the notice was received: the closing day, or the first day after them.</summary>
    private static DateOnly FeeLapse(DateOnly received, DateOnly close)
    {
        var earliest = Domain.Calendar.WorkingCalendar.BuiltIn.AddWorkingDays(received, 20).Date.AddDays(1);
        return close > earliest ? close : earliest;
    }

    private static CaseCommand[] Supplemented(DateOnly received) =>
        [new RequestSupplement(received.AddDays(1), "请明确所需信息", received.AddDays(16)), new RecordSupplement(received.AddDays(3))];
}

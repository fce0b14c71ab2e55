using CaseTracker.Domain.Clock;
using CaseTracker.Pipeline;

namespace CaseTracker.Composition;

/// <summary>
/// What the law leaves open, set by the operator (domain.md §2) through configuration keys (e.g. environment variables):
/// <c>CASETRACKER_DAY_ONE</c> = <c>next-working-day</c>
/// (default: day 1 is the first working day after the start date) or <c>start-day</c>; <c>CASETRACKER_FEE_NOTICE_PAUSES</c>
/// = <c>true</c> (default) or <c>false</c>; <c>CASETRACKER_SUPPLEMENT_DEFAULT_DAYS</c> = the supplement period, in working days
/// after the notice, given to a ledger row without 补正期限 (default 15). After a change, the host refreshes the stored
/// deadlines of open cases at start-up (ReadModelSet.RefreshIfClockChangedAsync).
/// </summary>
public static class ClockSettingsSource
{
    public const string DayOneVariable = "CASETRACKER_DAY_ONE";
    public const string FeeNoticeVariable = "CASETRACKER_FEE_NOTICE_PAUSES";
    public const string SupplementDefaultDaysVariable = "CASETRACKER_SUPPLEMENT_DEFAULT_DAYS";

    public static ClockSettings From(CaseTrackerOptions options) =>
        From(name => name == DayOneVariable ? options.DayOne : name == FeeNoticeVariable ? options.FeeNoticePauses : null);

    public static ClockSettings From(Func<string, string?> variable)
    {
        var dayOne = variable(DayOneVariable)?.Trim().ToLowerInvariant() switch
        {
            null or "" or "next-working-day" => true,
            "start-day" => false,
            var other => throw new UserError(DayOneVariable,
                $"{DayOneVariable} 的值“{other}”无效：应为 next-working-day（自收到之日的下一个工作日起算，默认）"
                    + "或 start-day（收到当日为工作日的，当日起算）。"),
        };
        var feePauses = variable(FeeNoticeVariable)?.Trim().ToLowerInvariant() switch
        {
            null or "" or "true" => true,
            "false" => false,
            var other => throw new UserError(FeeNoticeVariable,
                $"{FeeNoticeVariable} 的值“{other}”无效：应为 true（收费通知至缴费期间不计入答复期限，默认）或 false。"),
        };
        var supplementDays = variable(SupplementDefaultDaysVariable)?.Trim() switch
        {
            null or "" => ClockSettings.Default.SupplementDefaultDays,
            var text when int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
                && days is >= 1 and <= 60 => days,
            var other => throw new UserError(SupplementDefaultDaysVariable,
                $"{SupplementDefaultDaysVariable} 的值“{other}”无效：应为 1 到 60 之间的工作日数"
                + "（台账未载明补正期限时默认给予的补正期限，默认 15）。"),
        };
        return new ClockSettings(dayOne, feePauses, supplementDays);
    }
}

namespace CaseTracker.Domain.Clock;

/// <summary>What the law leaves open, as settings with the defaults of the domain spec.</summary>
/// <param name="DayOneIsNextWorkingDay">
/// 自收到申请之日起: day 1 of a period is the first working day after the start date (default), or the start date itself
/// when that is a working day.
/// </param>
/// <param name="FeeNoticePausesClock">Whether notice-to-payment time is excluded (default on; unverified in 国办函〔2020〕109号).</param>
/// <param name="SupplementDefaultDays">
/// The supplement period (补正期限) applied to a ledger row whose 补正告知 gives none, in <b>working days</b> after the
/// notice date (default 15). 条例第三十条 only asks for 合理的补正期限; live entry must state one, so this default only
/// fills old ledgers. Working days rather than calendar days, because every other period of the Regulation is counted
/// in working days and a holiday must not eat into the applicant's time.
/// </param>
public sealed record ClockSettings(bool DayOneIsNextWorkingDay = true, bool FeeNoticePausesClock = true, int SupplementDefaultDays = 15)
{
    public static ClockSettings Default { get; } = new();

    /// <summary>条例第三十条: a supplement notice goes out within 7 working days of receipt.</summary>
    public const int SupplementNoticeDays = 7;

    /// <summary>条例第三十二条: a third party has 15 working days to answer; 第三十四条 other agencies likewise.</summary>
    public const int ConsultationReplyDays = 15;

    /// <summary>国办函〔2020〕109号: payment within 20 working days from the day after the notice is received.</summary>
    public const int FeePaymentDays = 20;
}

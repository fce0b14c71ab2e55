using CaseTracker.Domain.Cases;
using static CaseTracker.Ledger.LedgerColumns;

namespace CaseTracker.Ledger.Import;

/// <summary>
/// A ledger row as the milestone commands of its case, in order: receipt, supplement, consultation, fee, extension,
/// closure, appeals. The extension comes after the pauses so that the decider sees them when it checks that the
/// extension was granted before the deadline (条例第三十三条第二款).
/// </summary>
internal static partial class LedgerMapping
{
    /// <param name="policy">For the operator's default supplement period, applied to a 补正告知 without 补正期限.</param>
    public static (LedgerCaseKey? Key, List<LedgerStep> Steps) Map(RowReader r, CasePolicy policy)
    {
        var steps = new List<LedgerStep>();
        var number = r.Required(Number);
        var agency = r.Required(Agency);
        var receivedOn = r.RequiredDate(ReceivedOn);
        var applicantType = r.RequiredChoice(LedgerColumns.ApplicantType, Vocabulary.ApplicantTypes);
        var channel = r.RequiredChoice(LedgerColumns.Channel, Vocabulary.AllChannels);
        if (channel is { } legacy && legacy.IsLegacy())
        {
            r.Lenient(LedgerLeniency.OldChannel);
        }
        var key = number.Length > 0 && agency.Length > 0 ? new LedgerCaseKey(agency, number) : null;
        if (key is not null && receivedOn is { } on && applicantType is { } type && channel is { } ch)
        {
            var receive = new CaseCommand.Receive(key.CaseId, agency, number, on, ch, type, Applicant(r, key), r.Text(Description), "");
            steps.Add(new(receive, ReceivedOn));
        }

        Supplement(r, steps, policy);
        Consultation(r, steps);
        Fee(r, steps);
        if (r.Date(ExtendedOn) is { } extendedOn)
        {
            steps.Add(new(new CaseCommand.Extend(extendedOn, LedgerDefaults.ExtensionApprover, LedgerDefaults.ExtensionReason, extendedOn), ExtendedOn));
            r.Lenient(LedgerLeniency.ExtensionApprover);
        }

        if (r.Date(LedgerColumns.ReasonsRequestedOn) is { } reasonsOn)
        {
            steps.Add(new(new CaseCommand.RequestReasons(reasonsOn), LedgerColumns.ReasonsRequestedOn));
        }

        ClosureMapping.Map(r, steps);
        AppealMapping.Map(r, steps);
        return (key, r.Problems.Count == 0 ? steps : []);
    }

    private static PersonalData? Applicant(RowReader r, LedgerCaseKey key)
    {
        var name = r.Text(ApplicantName);
        var id = NullIfEmpty(r.Text(IdNumber));
        if (id is not null && ScientificNumber().IsMatch(id))
        {
            r.Fail(IdNumber, $"“{id}”是被Excel当作数字保存的证件号码，15位以后的数字已经丢失。请把这一列设为“文本”格式，重新填写证件号码后导入。");
        }

        var phone = NullIfEmpty(r.Text(Phone));
        var address = NullIfEmpty(r.Text(Address));
        return name.Length == 0 && id is null && phone is null && address is null
            ? null
            : new PersonalData(LedgerIds.SubjectId(key.Agency, key.Number, id), name, id, phone, address);
    }

    private static void Supplement(RowReader r, List<LedgerStep> steps, CasePolicy policy)
    {
        var requestedOn = r.Date(SupplementRequestedOn);
        var due = r.Date(SupplementDue);
        var receivedOn = r.Date(SupplementReceivedOn);
        if (requestedOn is { } on)
        {
            // 条例第三十条 requires a period; an old ledger without 补正期限 gets the operator's default (ClockSettings.SupplementDefaultDays).
            var respondBy = due ?? policy.Calendar.AddWorkingDays(on, policy.Settings.SupplementDefaultDays).Date;
            r.Lenient(LedgerLeniency.SupplementItems);
            if (due is null)
            {
                r.Lenient(LedgerLeniency.SupplementPeriod);
            }

            steps.Add(new(new CaseCommand.RequestSupplement(on, LedgerDefaults.SupplementItems, respondBy), SupplementRequestedOn));
        }
        else if (due is not null)
        {
            r.Fail(SupplementDue, "填写了补正期限，但没有补正告知日期。");
        }

        if (receivedOn is { } received)
        {
            steps.Add(new(new CaseCommand.RecordSupplement(received), SupplementReceivedOn));
        }
    }

    private static void Consultation(RowReader r, List<LedgerStep> steps)
    {
        var hasParty = r.Text(ConsultationParty).Length > 0;
        var kind = r.Choice(ConsultationParty, LedgerVocabulary.ConsultationKinds);
        var startedOn = r.Date(ConsultationStartedOn);
        var endedOn = r.Date(ConsultationEndedOn);
        if (startedOn is { } on)
        {
            if (kind is { } k)
            {
                steps.Add(new(new CaseCommand.StartConsultation(LedgerDefaults.ConsultationId, k, k.Label(), on), ConsultationStartedOn));
            }
            else if (!hasParty)
            {
                r.Fail(ConsultationParty, "填写了征求意见开始日期，须写明征求意见对象。可选值：第三方、其他机关。");
            }
        }
        else if (hasParty || endedOn is not null)
        {
            r.Fail(ConsultationStartedOn, "填写了征求意见对象或结束日期，但没有征求意见开始日期。");
        }

        if (endedOn is { } ended && startedOn is not null)
        {
            if (kind == ConsultationKind.ThirdParty)
            {
                r.Lenient(LedgerLeniency.ConsultationAnswer);
            }

            steps.Add(new(new CaseCommand.RecordConsultationAnswer(LedgerDefaults.ConsultationId, ended), ConsultationEndedOn));
        }
    }

    /// <summary>
    /// 收费通知日期 + 计费方式 / 计费页数 / 收费金额, 缴费日期 + 缴费金额. 按量 with its pages is the tiers' computation (a 收费金额 that
    /// disagrees is refused, as in live entry); 按件 cannot be recounted from a ledger (the applicant's other requests that
    /// month may not be in it), so its amount is taken as written; so is the amount of a 按量 notice whose pages the ledger
    /// did not record (an export of notices entered before the tiers were computed writes them so); a notice without
    /// method or amount is the old ledgers' way and gets the lowest rate. All are listed as leniencies.
    /// </summary>
    private static void Fee(RowReader r, List<LedgerStep> steps)
    {
        var method = r.Choice(LedgerColumns.FeeMethod, Vocabulary.FeeMethods);
        var pages = Quantity(r, FeePages, integer: true);
        var amount = Quantity(r, FeeAmount, integer: false);
        var paidAmount = Quantity(r, FeePaidAmount, integer: false);
        decimal? noticedAmount = null;
        if (r.Date(FeeNoticeOn) is { } noticeOn)
        {
            var m = method ?? (pages is not null ? Domain.Cases.FeeMethod.PerVolume : Domain.Cases.FeeMethod.PerItem);
            if (m == Domain.Cases.FeeMethod.PerVolume && pages is null && amount is null)
            {
                r.Fail(FeePages, "计费方式为按量，须填写计费页数或收费金额（国办函〔2020〕109号）。");
                return;
            }

            int? quantity = m == Domain.Cases.FeeMethod.PerVolume && pages is { } p ? (int)p : null;
            var noticed = amount ?? (quantity is { } q ? Domain.Fees.FeeSchedule.Compute(m, q).Amount : LedgerDefaults.FeeAmount);
            if (quantity is null)
            {
                r.Lenient(LedgerLeniency.FeeBasis);
            }

            steps.Add(new(new CaseCommand.IssueFeeNotice(noticeOn, noticed, m, noticeOn, quantity), FeeNoticeOn));
            noticedAmount = noticed;
        }
        else if (method is not null || pages is not null || amount is not null)
        {
            r.Fail(FeeNoticeOn, "填写了计费方式、计费页数或收费金额，但没有收费通知日期。");
        }

        if (r.Date(FeePaidOn) is { } paidOn)
        {
            // A 缴费金额 equal to the notice's is what the payment records by default (and what an export writes back).
            var paid = paidAmount == noticedAmount ? null : paidAmount;
            steps.Add(new(new CaseCommand.RecordFeePayment(paidOn, paid), paid is null ? FeePaidOn : FeePaidAmount));
        }
        else if (paidAmount is not null)
        {
            r.Fail(FeePaidOn, "填写了缴费金额，但没有缴费日期。");
        }
    }

    private static decimal? Quantity(RowReader r, string column, bool integer)
    {
        var text = r.Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text.Replace("元", "", StringComparison.Ordinal).Replace("页", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Number,
                System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 && (!integer || value == Math.Truncate(value)) && value < 100_000_000)
        {
            return value;
        }

        r.Fail(column, $"“{RowReader.Show(text)}”不是有效的{(integer ? "页数（正整数）" : "金额（元，大于零）")}。");
        return null;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d(\.\d+)?E\+\d+$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ScientificNumber();
}

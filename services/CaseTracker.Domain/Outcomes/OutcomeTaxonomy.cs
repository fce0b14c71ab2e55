namespace CaseTracker.Domain.Outcomes;

/// <param name="Detail">具体情形 as the ledger writes it; empty where the disposition has no sub-item.</param>
/// <param name="Row2021">The row code of format 2021 (国办公开办函〔2021〕30号).</param>
/// <param name="Row2019">The row code of format 2019 (国办公开办函〔2019〕60号): （六）其他处理 is one row.</param>
/// <param name="Pre2019">The category of the local tables used before 2019.</param>
/// <param name="Article">The provision of the 2019 Regulations the outcome rests on.</param>
public sealed record OutcomeInfo(
    Outcome Outcome,
    Disposition Disposition,
    string Detail,
    string Row2021,
    string Row2019,
    string Pre2019,
    string Article);

public static class OutcomeTaxonomy
{
    public static readonly IReadOnlyList<OutcomeInfo> All =
    [
        new(Outcome.DisclosedProactivelyPublished, Disposition.Disclosed, "已主动公开", "disclosed", "disclosed", "已主动公开", "第三十六条第（一）项"),
        new(Outcome.DisclosedProvided, Disposition.Disclosed, "", "disclosed", "disclosed", "同意公开", "第三十六条第（二）项"),
        new(Outcome.PartiallyDisclosed, Disposition.PartiallyDisclosed, "", "partially_disclosed", "partially_disclosed", "同意部分公开", "第三十七条"),
        new(Outcome.RefusedStateSecret, Disposition.Refused, "属于国家秘密", "refused.state_secret", "refused.state_secret", "不予公开", "第十四条"),
        new(Outcome.RefusedProhibitedByLaw, Disposition.Refused, "其他法律行政法规禁止公开", "refused.prohibited_by_law", "refused.prohibited_by_law", "不予公开", "第十四条"),
        new(Outcome.RefusedSecurityStability, Disposition.Refused, "危及“三安全一稳定”", "refused.security_stability", "refused.security_stability", "不予公开", "第十四条"),
        new(Outcome.RefusedThirdPartyRights, Disposition.Refused, "保护第三方合法权益", "refused.third_party_rights", "refused.third_party_rights", "不予公开", "第十五条"),
        new(Outcome.RefusedInternalAffairs, Disposition.Refused, "属于三类内部事务信息", "refused.internal_affairs", "refused.internal_affairs", "不予公开", "第十六条第一款"),
        new(Outcome.RefusedProcessInformation, Disposition.Refused, "属于四类过程性信息",
            "refused.process_information", "refused.process_information", "不予公开", "第十六条第二款"),
        new(Outcome.RefusedEnforcementCaseFile, Disposition.Refused, "属于行政执法案卷",
            "refused.enforcement_case_file", "refused.enforcement_case_file", "不予公开", "第十六条第二款"),
        new(Outcome.RefusedAdministrativeQuery, Disposition.Refused, "属于行政查询事项",
            "refused.administrative_query", "refused.administrative_query", "不予公开", "第三十六条第（七）项"),
        new(Outcome.UnavailableNotHeld, Disposition.Unavailable, "本机关不掌握相关政府信息", "unable.not_held", "unable.not_held", "非本单位掌握", "第三十六条第（四）项、第（五）项"),
        new(Outcome.UnavailableDoesNotExist, Disposition.Unavailable, "信息不存在", "unable.not_held", "unable.not_held", "信息不存在", "第三十六条第（四）项"),
        new(Outcome.UnavailableHeldByOtherAgency, Disposition.Unavailable, "非本机关负责公开", "unable.not_held", "unable.not_held", "非本单位掌握", "第三十六条第（五）项"),
        new(Outcome.UnavailableNeedsCreation, Disposition.Unavailable, "没有现成信息需要另行制作", "unable.needs_creation", "unable.needs_creation", "信息不存在", "第三十八条"),
        new(Outcome.UnavailableUnclearAfterSupplement, Disposition.Unavailable, "补正后申请内容仍不明确",
            "unable.unclear_after_supplement", "unable.unclear_after_supplement", "申请内容不明确", "第三十条"),
        new(Outcome.NotProcessedPetition, Disposition.NotProcessed, "信访举报投诉类申请", "not_processed.petition", "not_processed.petition", "非政府信息", "第三十九条第一款"),
        new(Outcome.NotProcessedRepeat, Disposition.NotProcessed, "重复申请", "not_processed.repeat", "not_processed.repeat", "其他", "第三十六条第（六）项"),
        new(Outcome.NotProcessedPublication, Disposition.NotProcessed, "要求提供公开出版物", "not_processed.publication", "not_processed.publication", "其他", "第三十九条第二款"),
        new(Outcome.NotProcessedExcessive, Disposition.NotProcessed, "无正当理由大量反复申请", "not_processed.excessive", "not_processed.excessive", "其他", "第三十五条"),
        // Not 第三十九条第二款 (that is 公开出版物). The Regulation has no article of its own for this row of the report
        // format (国办公开办函〔2021〕30号); the basis agencies rest it on is 第三十八条: what is provided is information
        // already made or obtained, and confirming or re-issuing what the applicant already has is not that.
        new(Outcome.NotProcessedConfirmation, Disposition.NotProcessed, "要求行政机关确认或重新出具已获取信息",
            "not_processed.confirmation", "not_processed.confirmation", "非政府信息", "第三十八条"),
        new(Outcome.OtherSupplementLapsed, Disposition.OtherHandling, "逾期不补正", "other.no_supplement", "other", "申请内容不明确", "第三十条"),
        new(Outcome.OtherFeeUnpaid, Disposition.OtherHandling, "逾期未缴费", "other.fee_unpaid", "other", "其他", "第四十二条；国办函〔2020〕109号"),
        new(Outcome.OtherNotGovernmentInformation, Disposition.OtherHandling, "非政府信息", "other.other", "other", "非政府信息", "第二条"),
        new(Outcome.OtherOther, Disposition.OtherHandling, "其他", "other.other", "other", "其他", ""),
        new(Outcome.Withdrawn, Disposition.Withdrawn, "", "other.other", "other", "其他", ""),

        // Legacy outcomes: the words of the old local tables, accepted from ledgers for cases received before 2019-05-15 only.
        // In a table of format 2019/2021 (such a case closed in 2019 or later) they fall in the nearest row: our decision,
        // documented in services/CaseTracker.Ledger/FORMAT.md.
        new(Outcome.RefusedUnspecified, Disposition.Refused, "不予公开（未载明理由）", "refused.prohibited_by_law", "refused.prohibited_by_law", "不予公开",
            "2008年条例第十四条"),
        new(Outcome.UnavailableUnclear, Disposition.Unavailable, "申请内容不明确", "unable.unclear_after_supplement", "unable.unclear_after_supplement",
            "申请内容不明确", "2008年条例第二十一条"),
        new(Outcome.TransferredToArchives, Disposition.Unavailable, "已移送档案馆", "unable.not_held", "unable.not_held", "已移送档案馆", "2008年条例第二十一条"),
    ];

    /// <summary>The words of the old local tables (ledger rows of cases received before 2019-05-15) and the outcome each names.</summary>
    public static readonly IReadOnlyList<(string Label, Outcome Outcome)> Pre2019Words =
    [
        ("已主动公开", Outcome.DisclosedProactivelyPublished),
        ("同意公开", Outcome.DisclosedProvided),
        ("同意部分公开", Outcome.PartiallyDisclosed),
        ("不予公开", Outcome.RefusedUnspecified),
        ("信息不存在", Outcome.UnavailableDoesNotExist),
        ("非本单位掌握", Outcome.UnavailableHeldByOtherAgency),
        ("申请内容不明确", Outcome.UnavailableUnclear),
        ("非政府信息", Outcome.OtherNotGovernmentInformation),
        ("不属于政府信息", Outcome.OtherNotGovernmentInformation),
        ("已移送档案馆", Outcome.TransferredToArchives),
        ("其他", Outcome.OtherOther),
    ];


    public static readonly IReadOnlyList<(Disposition Disposition, string Label)> Dispositions =
    [
        (Disposition.Disclosed, "予以公开"),
        (Disposition.PartiallyDisclosed, "部分公开"),
        (Disposition.Refused, "不予公开"),
        (Disposition.Unavailable, "无法提供"),
        (Disposition.NotProcessed, "不予处理"),
        (Disposition.OtherHandling, "其他处理"),
        (Disposition.Withdrawn, "撤回"),
    ];

    /// <summary>The pre-2019 local categories, in the order the old tables printed them.</summary>
    public static readonly IReadOnlyList<string> Pre2019Categories =
        ["已主动公开", "同意公开", "同意部分公开", "不予公开", "信息不存在", "非本单位掌握", "申请内容不明确", "非政府信息", "已移送档案馆", "其他"];

    /// <summary>An outcome only an old ledger records (the words of the local tables before 2019).</summary>
    public static bool IsLegacy(this Outcome outcome) =>
        outcome is Outcome.RefusedUnspecified or Outcome.UnavailableUnclear or Outcome.TransferredToArchives;

    public static Outcome? ParsePre2019(string text) =>
        Pre2019Words.Where(w => w.Label == text.Trim()).Select(w => (Outcome?)w.Outcome).FirstOrDefault();

    public static OutcomeInfo Info(this Outcome outcome) => All[(int)outcome];

    public static string Label(this Disposition disposition) => Dispositions.First(d => d.Disposition == disposition).Label;

    public static string Label(this Outcome outcome)
    {
        var info = outcome.Info();
        return info.Detail.Length == 0 ? info.Disposition.Label() : $"{info.Disposition.Label()}（{info.Detail}）";
    }

    /// <summary>Grounds that may justify withholding part of the information (条例第三十七条).</summary>
    public static bool IsWithholdingGround(this Outcome outcome) =>
        outcome.Info().Disposition is Disposition.Refused or Disposition.Unavailable && !outcome.IsLegacy();

    /// <summary>Outcomes a caseworker records with a decision; the others come from their own milestone.</summary>
    public static bool IsDecision(this Outcome outcome) =>
        outcome is not (Outcome.OtherSupplementLapsed or Outcome.OtherFeeUnpaid or Outcome.Withdrawn);

    public static Disposition? ParseDisposition(string text) =>
        Dispositions.Where(d => d.Label == text.Trim()).Select(d => (Disposition?)d.Disposition).FirstOrDefault();

    /// <summary>
    /// 答复类型 + 具体情形 as a ledger or form writes them. The official labels with their numbers
    /// ("1.属于国家秘密") are accepted as well as the short ones.
    /// </summary>
    public static Outcome? Parse(Disposition disposition, string? detail)
    {
        var wanted = StripNumber(detail ?? "");
        var candidates = All.Where(o => o.Disposition == disposition && !o.Outcome.IsLegacy()).ToList();
        if (wanted.Length == 0)
        {
            return disposition switch
            {
                Disposition.Disclosed => Outcome.DisclosedProvided,
                Disposition.PartiallyDisclosed => Outcome.PartiallyDisclosed,
                Disposition.Withdrawn => Outcome.Withdrawn,
                _ => null,
            };
        }

        var match = candidates.FirstOrDefault(o => o.Detail == wanted)
            ?? candidates.FirstOrDefault(o => OfficialDetail(o) == wanted);
        return match?.Outcome;
    }

    /// <summary>The sub-items a disposition requires, for forms and error messages.</summary>
    public static IReadOnlyList<string> DetailsOf(Disposition disposition) =>
        All.Where(o => o.Disposition == disposition && o.Detail.Length > 0 && !o.Outcome.IsLegacy()).Select(o => o.Detail).ToList();

    public static bool RequiresDetail(this Disposition disposition) =>
        disposition is Disposition.Refused or Disposition.Unavailable or Disposition.NotProcessed or Disposition.OtherHandling;

    private static string OfficialDetail(OutcomeInfo info) => info.Outcome switch
    {
        Outcome.OtherSupplementLapsed => "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        Outcome.OtherFeeUnpaid => "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        _ => info.Detail,
    };

    private static string StripNumber(string text)
    {
        var trimmed = text.Trim();
        var dot = trimmed.IndexOfAny(['.', '．', '、']);
        return dot is > 0 and <= 2 && trimmed[..dot].All(char.IsDigit) ? trimmed[(dot + 1)..].Trim() : trimmed;
    }
}

using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using static CaseTracker.Domain.Cases.CaseEvent;
using static CaseTracker.Tests.Letters.LetterCases;

namespace CaseTracker.Tests.Letters;

/// <summary>For every outcome of the taxonomy the 答复书 cites its provision with the provision's text, and tells of the remedies.</summary>
public sealed class AnswerProvisionTests
{
    private const string Remedy = "如对本答复不服，可以自收到本答复书之日起60日内向测试区人民政府申请行政复议，也可以自收到本答复书之日起6个月内向测试区人民法院提起行政诉讼。";

    /// <summary>Outcome → the provision the letter must quote (as 附 …：“) and words of its text, written out from the Regulation.</summary>
    public static TheoryData<Outcome, string, string> Expected => new()
    {
        { Outcome.DisclosedProactivelyPublished, "《中华人民共和国政府信息公开条例》第三十六条第（一）项", "已经主动公开的，告知申请人获取该政府信息的方式、途径" },
        { Outcome.DisclosedProvided, "《中华人民共和国政府信息公开条例》第三十六条第（二）项", "可以公开的，向申请人提供该政府信息" },
        { Outcome.PartiallyDisclosed, "《中华人民共和国政府信息公开条例》第三十七条", "能够作区分处理的" },
        { Outcome.RefusedStateSecret, "《中华人民共和国政府信息公开条例》第十四条", "依法确定为国家秘密的政府信息" },
        { Outcome.RefusedProhibitedByLaw, "《中华人民共和国政府信息公开条例》第十四条", "法律、行政法规禁止公开的政府信息" },
        { Outcome.RefusedSecurityStability, "《中华人民共和国政府信息公开条例》第十四条", "经济安全、社会稳定的政府信息，不予公开" },
        { Outcome.RefusedThirdPartyRights, "《中华人民共和国政府信息公开条例》第十五条", "对第三方合法权益造成损害" },
        { Outcome.RefusedInternalAffairs, "《中华人民共和国政府信息公开条例》第十六条第一款", "内部事务信息，包括人事管理" },
        { Outcome.RefusedProcessInformation, "《中华人民共和国政府信息公开条例》第十六条第二款", "讨论记录、过程稿、磋商信函、请示报告等过程性信息" },
        { Outcome.RefusedEnforcementCaseFile, "《中华人民共和国政府信息公开条例》第十六条第二款", "行政执法案卷信息" },
        { Outcome.RefusedAdministrativeQuery, "《中华人民共和国政府信息公开条例》第三十六条第（七）项", "工商、不动产登记资料等信息" },
        { Outcome.UnavailableNotHeld, "《中华人民共和国政府信息公开条例》第三十六条第（五）项", "不属于本行政机关负责公开的" },
        { Outcome.UnavailableDoesNotExist, "《中华人民共和国政府信息公开条例》第三十六条第（四）项", "经检索没有所申请公开信息的" },
        { Outcome.UnavailableHeldByOtherAgency, "《中华人民共和国政府信息公开条例》第三十六条第（五）项", "告知申请人该行政机关的名称、联系方式" },
        { Outcome.UnavailableNeedsCreation, "《中华人民共和国政府信息公开条例》第三十八条", "对现有政府信息进行加工、分析的" },
        { Outcome.UnavailableUnclearAfterSupplement, "《中华人民共和国政府信息公开条例》第三十条", "一次性告知申请人作出补正" },
        { Outcome.NotProcessedPetition, "《中华人民共和国政府信息公开条例》第三十九条第一款", "信访、投诉、举报等活动" },
        { Outcome.NotProcessedRepeat, "《中华人民共和国政府信息公开条例》第三十六条第（六）项", "告知申请人不予重复处理" },
        { Outcome.NotProcessedPublication, "《中华人民共和国政府信息公开条例》第三十九条第二款", "政府公报、报刊、书籍等公开出版物" },
        { Outcome.NotProcessedExcessive, "《中华人民共和国政府信息公开条例》第三十五条", "数量、频次明显超过合理范围" },
        { Outcome.NotProcessedConfirmation, "《中华人民共和国政府信息公开条例》第三十八条", "应当是已制作或者获取的政府信息" },
        { Outcome.OtherSupplementLapsed, "《中华人民共和国政府信息公开条例》第三十条", "申请人无正当理由逾期不补正的，视为放弃申请" },
        { Outcome.OtherFeeUnpaid, "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", "逾期未缴纳的，视为放弃申请" },
        { Outcome.OtherNotGovernmentInformation, "《中华人民共和国政府信息公开条例》第二条", "以一定形式记录、保存的信息" },
        { Outcome.OtherOther, "《中华人民共和国政府信息公开条例》第三十六条", "根据下列情况分别作出答复" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void The_answer_quotes_the_provision_of_its_outcome_and_the_remedy_clause(Outcome outcome, string citation, string words)
    {
        var text = Render(Closed(outcome), LetterKind.Answer).Text;

        Assert.Contains($"附：{citation}：“", text);
        var quoted = text.Split('\n').Single(line => line.StartsWith($"附：{citation}：“", StringComparison.Ordinal));
        Assert.Contains(words, quoted);
        Assert.Contains(Remedy, text);
    }

    [Fact]
    public void Every_outcome_but_withdrawal_and_the_pre_2019_words_has_its_expectation_here()
    {
        var covered = Expected.Select(row => (Outcome)row[0]).ToHashSet();

        Assert.Equal(Enum.GetValues<Outcome>().Where(o => o != Outcome.Withdrawn && !o.IsLegacy()).Order(), covered.Order());
    }

    [Fact]
    public void A_partial_disclosure_gives_the_provision_of_each_withheld_ground()
    {
        var state = Case(new Decided(new DateOnly(2026, 3, 25), Outcome.PartiallyDisclosed,
            new GroundList([Outcome.RefusedStateSecret, Outcome.UnavailableDoesNotExist]), ""));

        var text = Render(state, LetterKind.Answer).Text;

        Assert.Contains("1. 不予公开（属于国家秘密）（依据《中华人民共和国政府信息公开条例》第三十六条第（三）项、第十四条）", text);
        Assert.Contains("2. 无法提供（信息不存在）（依据《中华人民共和国政府信息公开条例》第三十六条第（四）项）", text);
        Assert.Contains("附：《中华人民共和国政府信息公开条例》第十四条：“依法确定为国家秘密的政府信息", text);
    }

    private static CaseState Closed(Outcome outcome)
    {
        var on = new DateOnly(2026, 3, 25);
        return outcome switch
        {
            Outcome.OtherSupplementLapsed => Case(
                new SupplementRequested(new DateOnly(2026, 3, 4), "请写明年份", new DateOnly(2026, 3, 11)), new SupplementLapsed(on)),
            Outcome.OtherFeeUnpaid => Case(
                new FeeNoticeIssued(new DateOnly(2026, 3, 4), 100m, FeeMethod.PerItem, new DateOnly(2026, 3, 5)), new FeeLapsed(new DateOnly(2026, 4, 20))),
            Outcome.PartiallyDisclosed => Case(new Decided(on, outcome, new GroundList([Outcome.RefusedThirdPartyRights]), "")),
            _ => Case(new Decided(on, outcome, GroundList.None, "")),
        };
    }
}

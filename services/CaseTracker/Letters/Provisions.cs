using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;

namespace CaseTracker.Letters;

/// <param name="Citation">The provision as a letter cites it, with its source: 《中华人民共和国政府信息公开条例》第十四条.</param>
/// <param name="Text">The text of the provision, quoted in the 答复书.</param>
public sealed record Provision(string Citation, string Text);

/// <summary>
/// The provisions the 答复书 rests on, with their text (《中华人民共和国政府信息公开条例》, 国务院令第711号, in force from
/// 2019-05-15), and what the letter finds for each outcome of the taxonomy.
/// </summary>
public static class Provisions
{
    public const string Regulation = "《中华人民共和国政府信息公开条例》";

    private static readonly Dictionary<string, string> Texts = new()
    {
        ["第二条"] = "本条例所称政府信息，是指行政机关在履行行政管理职能过程中制作或者获取的，以一定形式记录、保存的信息。",
        ["第十四条"] = "依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。",
        ["第十五条"] = "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。但是，第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的，予以公开。",
        ["第十六条第一款"] = "行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。",
        ["第十六条第二款"] = "行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息以及行政执法案卷信息，可以不予公开。法律、法规、规章规定上述信息应当公开的，从其规定。",
        ["第三十条"] = "政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限。答复期限自行政机关收到补正的申请之日起计算。申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请。",
        ["第三十五条"] = "申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由。行政机关认为申请理由不合理的，告知申请人不予处理；行政机关认为申请理由合理，但是无法在本条例第三十三条规定的期限内答复申请人的，可以确定延迟答复的合理期限并告知申请人。",
        ["第三十六条"] = "对政府信息公开申请，行政机关根据下列情况分别作出答复：（一）所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径；（二）所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人获取该政府信息的方式、途径和时间；（三）行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由；（四）经检索没有所申请公开信息的，告知申请人该政府信息不存在；（五）所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式；（六）行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，告知申请人不予重复处理；（七）所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定的，告知申请人依照有关法律、行政法规的规定办理。",
        ["第三十六条第（一）项"] = "所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径；",
        ["第三十六条第（二）项"] = "所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人获取该政府信息的方式、途径和时间；",
        ["第三十六条第（三）项"] = "行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由；",
        ["第三十六条第（四）项"] = "经检索没有所申请公开信息的，告知申请人该政府信息不存在；",
        ["第三十六条第（五）项"] = "所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式；",
        ["第三十六条第（六）项"] = "行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，告知申请人不予重复处理；",
        ["第三十六条第（七）项"] = "所申请公开信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定的，告知申请人依照有关法律、行政法规的规定办理。",
        ["第三十七条"] = "申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理的，行政机关应当向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由。",
        ["第三十八条"] = "行政机关向申请人提供的信息，应当是已制作或者获取的政府信息。除依照本条例第三十七条的规定能够作区分处理的外，需要行政机关对现有政府信息进行加工、分析的，行政机关可以不予提供。",
        ["第三十九条第一款"] = "申请人以政府信息公开申请的形式进行信访、投诉、举报等活动，行政机关应当告知申请人不作为政府信息公开申请处理并可以告知通过相应渠道提出。",
        ["第三十九条第二款"] = "申请人提出的申请内容为要求行政机关提供政府公报、报刊、书籍等公开出版物的，行政机关可以告知获取的途径。",
        ["第四十二条"] = "行政机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费。行政机关收取信息处理费的具体办法由国务院价格主管部门会同国务院财政部门、全国政府信息公开工作主管部门制定。",
    };

    private static readonly Provision FeeMeasures = new(
        "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
        "申请人应当自收到收费通知的次日起20个工作日内缴纳费用，逾期未缴纳的，视为放弃申请，行政机关不再处理该政府信息公开申请。");

    /// <summary>The provision of the Regulation with its text; a citation not known here is a programming error.</summary>
    public static Provision Of(string article) =>
        Texts.TryGetValue(article, out var text) ? new Provision(Regulation + article, text) : throw new KeyNotFoundException(article);

    /// <summary>
    /// The provisions an outcome rests on: the item of 第三十六条 that answers it and the article that grounds it (as the
    /// taxonomy names it). 其他处理·其他 has no article of its own: the general 第三十六条.
    /// </summary>
    public static IReadOnlyList<Provision> For(Outcome outcome) => outcome switch
    {
        Outcome.OtherFeeUnpaid => [Of("第四十二条"), FeeMeasures],
        Outcome.OtherOther => [Of("第三十六条")],
        Outcome.Withdrawn => [],
        Outcome.UnavailableNotHeld => [Of("第三十六条第（四）项"), Of("第三十六条第（五）项")],
        Outcome.RefusedAdministrativeQuery => [Of("第三十六条第（七）项")],
        _ when outcome.Info().Disposition == Disposition.Refused => [Of("第三十六条第（三）项"), Of(outcome.Info().Article)],
        _ => [Of(outcome.Info().Article)],
    };

    /// <summary>The provisions of a decision: for 部分公开 第三十七条 and the grounds of the withheld part.</summary>
    public static IReadOnlyList<Provision> For(Outcome outcome, GroundList grounds) =>
        For(outcome).Concat(grounds.Items.SelectMany(For)).DistinctBy(p => p.Citation).ToList();

    /// <summary>What the 答复书 finds for an outcome, in the letter's words (the caseworker's note follows it).</summary>
    public static string Finding(Outcome outcome) => outcome switch
    {
        Outcome.DisclosedProactivelyPublished => "经审查，您申请获取的政府信息已经主动公开，您可以通过本机关门户网站政府信息公开专栏等途径获取。",
        Outcome.DisclosedProvided => "经审查，您申请获取的政府信息属于公开范围，本机关予以公开，随本答复书向您提供。",
        Outcome.PartiallyDisclosed => "经审查，您申请获取的政府信息中含有不应当公开的内容，能够作区分处理。本机关向您提供可以公开的内容，对不予公开的内容说明理由如下：",
        Outcome.RefusedStateSecret => "经审查，您申请获取的政府信息属于依法确定的国家秘密，本机关决定不予公开。",
        Outcome.RefusedProhibitedByLaw => "经审查，您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开。",
        Outcome.RefusedSecurityStability => "经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。",
        Outcome.RefusedThirdPartyRights => "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。",
        Outcome.RefusedInternalAffairs => "经审查，您申请获取的政府信息属于行政机关的内部事务信息，本机关决定不予公开。",
        Outcome.RefusedProcessInformation => "经审查，您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的过程性信息，本机关决定不予公开。",
        Outcome.RefusedEnforcementCaseFile => "经审查，您申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开。",
        Outcome.RefusedAdministrativeQuery => "经审查，您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的查询事项，请您依照有关法律、行政法规的规定办理。",
        Outcome.UnavailableNotHeld => "经检索，本机关未制作、获取您申请的政府信息，本机关不掌握相关政府信息。",
        Outcome.UnavailableDoesNotExist => "经检索，没有您所申请公开的信息，该政府信息不存在。",
        Outcome.UnavailableHeldByOtherAgency => "经审查，您申请获取的政府信息不属于本机关负责公开。",
        Outcome.UnavailableNeedsCreation => "经审查，本机关没有与您申请内容相符的现成信息，需要对现有政府信息进行加工、分析方能形成，本机关不予提供。",
        Outcome.UnavailableUnclearAfterSupplement => "您的申请经补正后内容仍不明确，本机关无法确定您所需要的政府信息，无法提供。",
        Outcome.NotProcessedPetition => "经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。",
        Outcome.NotProcessedRepeat => "本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同政府信息，本机关不予重复处理。",
        Outcome.NotProcessedPublication => "您申请获取的是政府公报、报刊、书籍等公开出版物，您可以通过公开发行渠道获取。",
        Outcome.NotProcessedExcessive => "您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，经审查认为申请理由不合理，本机关不予处理。",
        Outcome.NotProcessedConfirmation => "您申请的内容为要求本机关确认或者重新出具您已获取的信息，不属于向您提供已制作或者获取的政府信息，本机关不予处理。",
        Outcome.OtherSupplementLapsed => "本机关已告知您补正申请，您无正当理由逾期未补正，视为放弃申请，本机关不再处理您的政府信息公开申请。",
        Outcome.OtherFeeUnpaid => "本机关已向您发出收费通知，您逾期未按收费通知的要求缴纳费用，视为放弃申请，本机关不再处理您的政府信息公开申请。",
        Outcome.OtherNotGovernmentInformation => "经审查，您申请获取的内容不属于行政机关在履行行政管理职能过程中制作或者获取的政府信息。",
        Outcome.OtherOther => "经审查，本机关对您的申请作如下处理。",
        _ => "您已撤回申请。",
    };
}

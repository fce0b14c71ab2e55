using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Letters;
using static CaseTracker.Domain.Cases.CaseEvent;
using static CaseTracker.Tests.Letters.LetterCases;

namespace CaseTracker.Tests.Letters;

/// <summary>Each kind with the shipped template, written as DOCX and read back: the text a caseworker would print, written out by hand.</summary>
public sealed class GoldenLetterTests
{
    private const string Opening = "本机关于2026年3月2日收到您提交的政府信息公开申请（申请编号：2026-0007），您申请获取“2025年学校食堂采购合同”。";
    private const string Signature = "测试区教育局\n2026年4月1日";

    public static TheoryData<string> Kinds => new(LetterSlugs.All.Select(k => k.Slug));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_DOCX_of_each_kind_reads_as_the_model_text(string slug)
    {
        var (state, expected) = Golden(slug);

        var docx = LetterDocx.Write(Render(state, LetterSlugs.Parse(slug)));

        Assert.Equal(expected, LetterDocx.TextOf(docx));
    }

    [Fact]
    public void The_DOCX_is_A4_with_the_title_centred()
    {
        var docx = LetterDocx.Write(Render(Case(), LetterKind.Receipt));

        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var size = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.PageSize>().Single();
        Assert.Equal((11906U, 16838U), (size.Width!.Value, size.Height!.Value));
        var title = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First();
        Assert.Equal("政府信息公开申请登记回执", title.InnerText);
        Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
    }

    [Fact]
    public void The_letter_to_the_third_party_carries_no_personal_data_of_the_applicant()
    {
        var text = Render(Case(new ConsultationStarted("c1", ConsultationKind.ThirdParty, "某餐饮管理有限公司", new DateOnly(2026, 3, 9))), LetterKind.Consultation).Text;

        Assert.DoesNotContain("张三", text);
        Assert.DoesNotContain("幸福路", text);
    }

    [Fact]
    public void Someone_not_allowed_to_see_personal_data_reads_申请人_instead_of_the_name()
    {
        var text = Render(Case(), LetterKind.Receipt, visible: false).Text;

        Assert.DoesNotContain("张三", text);
        Assert.Contains("\n申请人：\n", text);
    }

    private static (CaseState State, string Expected) Golden(string slug) => slug switch
    {
        "receipt" => (Case(), $"""
            政府信息公开申请登记回执
            测教公开〔2026〕12号
            张三：
            本机关于2026年3月2日收到您以邮寄方式提交的政府信息公开申请，申请编号为2026-0007，您申请获取“2025年学校食堂采购合同”。
            根据《中华人民共和国政府信息公开条例》第三十一条的规定，以邮寄方式提交的，以行政机关签收之日为收到申请之日。本机关将依照该条例第三十三条的规定，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，将另行告知。
            {Signature}
            """),
        "supplement" => (Case(new SupplementRequested(new DateOnly(2026, 3, 4), "请写明合同所属的学校名称", new DateOnly(2026, 3, 18))), $"""
            补正告知书
            测教公开〔2026〕12号
            张三：
            {Opening}
            经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：请写明合同所属的学校名称
            请您自收到本告知书之日起10个工作日内提交补正。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。
            {Signature}
            """),
        // Deadline 2026-03-30 (20 working days from 03-03), extended by 20: 03-31 … 04-28, 04-06 (清明) skipped.
        "extension" => (Case(new Extended(new DateOnly(2026, 3, 20), "王主任", "需要调取多所学校的档案", new DateOnly(2026, 3, 20))), $"""
            延期答复告知书
            测教公开〔2026〕12号
            张三：
            {Opening}
            因需要调取多所学校的档案，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长20个工作日，本机关将于2026年4月28日前作出答复。
            {Signature}
            """),
        "consultation" => (Case(new ConsultationStarted("c1", ConsultationKind.ThirdParty, "某餐饮管理有限公司", new DateOnly(2026, 3, 9))), $"""
            征求意见书
            测教公开〔2026〕12号
            某餐饮管理有限公司：
            本机关于2026年3月2日收到政府信息公开申请（申请编号：2026-0007），申请人申请获取“2025年学校食堂采购合同”。
            该政府信息公开可能损害贵方合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见，请自收到本征求意见书之日起15个工作日内提出意见。逾期未提出意见的，由本机关依照该条例的规定决定是否公开。
            {Signature}
            """),
        "consultation-notice" => (Case(new ConsultationStarted("c1", ConsultationKind.ThirdParty, "某餐饮管理有限公司", new DateOnly(2026, 3, 9))), $"""
            征求意见告知书
            测教公开〔2026〕12号
            张三：
            {Opening}
            您申请获取的政府信息公开可能损害第三方合法权益，本机关已依照《中华人民共和国政府信息公开条例》第三十二条的规定书面征求第三方意见。根据该条例第三十三条第三款的规定，征求意见所需时间不计算在答复期限内。
            {Signature}
            """),
        "fee" => (Case(new FeeNoticeIssued(new DateOnly(2026, 3, 10), 200m, FeeMethod.PerItem, new DateOnly(2026, 3, 11))), $"""
            收费通知书
            测教公开〔2026〕12号
            张三：
            {Opening}
            您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定收取信息处理费（按件计收），金额为人民币200.00元。
            请您自收到本通知书的次日起20个工作日内缴纳费用。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。
            {Signature}
            """),
        "reasons" => (Case(new ReasonsRequested(new DateOnly(2026, 3, 10))), $"""
            要求说明理由告知书
            测教公开〔2026〕12号
            张三：
            {Opening}
            经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您说明申请理由。本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但是无法在规定期限内答复的，将确定延迟答复的合理期限并告知您。
            {Signature}
            """),
        "delay" => (Case(new ReasonsRequested(new DateOnly(2026, 3, 10)), new DelayedAnswerDateSet(new DateOnly(2026, 3, 20), new DateOnly(2026, 5, 15))), $"""
            延迟答复告知书
            测教公开〔2026〕12号
            张三：
            {Opening}
            本机关已于2026年3月10日要求您说明申请理由。经审查，本机关认为您的申请理由合理，但是无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。根据该条例第三十五条的规定，本机关确定于2026年5月15日前答复您的申请。
            {Signature}
            """),
        "answer" => (Case(new Decided(new DateOnly(2026, 3, 25), Outcome.PartiallyDisclosed, new GroundList([Outcome.RefusedThirdPartyRights]), "")), $"""
            政府信息公开申请答复书
            测教公开〔2026〕12号
            张三：
            {Opening}现答复如下：
            经审查，您申请获取的政府信息中含有不应当公开的内容，能够作区分处理。本机关向您提供可以公开的内容，对不予公开的内容说明理由如下：
            1. 不予公开（保护第三方合法权益）（依据《中华人民共和国政府信息公开条例》第三十六条第（三）项、第十五条）
            根据《中华人民共和国政府信息公开条例》第三十七条、第三十六条第（三）项、第十五条的规定，特此告知。
            附：《中华人民共和国政府信息公开条例》第三十七条：“申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理的，行政机关应当向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由。”
            附：《中华人民共和国政府信息公开条例》第三十六条第（三）项：“行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由；”
            附：《中华人民共和国政府信息公开条例》第十五条：“涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。但是，第三方同意公开或者行政机关认为不公开会对公共利益造成重大影响的，予以公开。”
            如对本答复不服，可以自收到本答复书之日起60日内向测试区人民政府申请行政复议，也可以自收到本答复书之日起6个月内向测试区人民法院提起行政诉讼。
            {Signature}
            """),
        _ => (Case(new Withdrawn(new DateOnly(2026, 3, 5))), $"""
            撤回确认书
            测教公开〔2026〕12号
            张三：
            {Opening}
            您已于2026年3月5日撤回该申请。本机关确认您的撤回，不再处理该政府信息公开申请。
            {Signature}
            """),
    };
}

using CaseTracker.Domain.Cases;

namespace CaseTracker.Letters;

/// <summary>
/// The model texts shipped per kind (Liquid). The first line is the title; each further line is a paragraph (blank lines
/// are dropped); the layout adds the 文号 under the title and the agency, the date and the seal space at the end.
/// </summary>
public static class DefaultTemplates
{
    private const string Opening = "本机关于{{ received_on }}收到您提交的政府信息公开申请（申请编号：{{ case_number }}），您申请获取“{{ description }}”。";

    public static string For(LetterKind kind) => kind switch
    {
        LetterKind.Receipt => """
            政府信息公开申请登记回执
            {{ applicant.name }}：
            本机关于{{ received_on }}收到您以{{ channel }}方式提交的政府信息公开申请，申请编号为{{ case_number }}，您申请获取“{{ description }}”。
            根据《中华人民共和国政府信息公开条例》第三十一条的规定，{{ receipt_rule }}。本机关将依照该条例第三十三条的规定，自收到申请之日起{{ response_days }}个工作日内予以答复；需要延长答复期限的，将另行告知。
            """,
        LetterKind.Supplement => $$$"""
            补正告知书
            {{ applicant.name }}：
            {{{Opening}}}
            经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下事项作出补正：{{ supplement.items }}
            请您自收到本告知书之日起{{ supplement.days }}个工作日内提交补正。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。
            """,
        LetterKind.Extension => $$$"""
            延期答复告知书
            {{ applicant.name }}：
            {{{Opening}}}
            因{{ extension.reason }}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{ extension.days }}个工作日{% if extension.deadline != "" %}，本机关将于{{ extension.deadline }}前作出答复{% endif %}。
            """,
        LetterKind.Consultation => """
            征求意见书
            {{ consultation.party }}：
            本机关于{{ received_on }}收到政府信息公开申请（申请编号：{{ case_number }}），申请人申请获取“{{ description }}”。
            {% if consultation.third_party %}该政府信息公开可能损害贵方合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见，请自收到本征求意见书之日起15个工作日内提出意见。逾期未提出意见的，由本机关依照该条例的规定决定是否公开。{% else %}该政府信息由贵机关与本机关共同制作。根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求贵机关意见，请自收到本征求意见书之日起15个工作日内提出意见，逾期未提出意见的视为同意公开。{% endif %}
            """,
        LetterKind.ConsultationNotice => $$$"""
            征求意见告知书
            {{ applicant.name }}：
            {{{Opening}}}
            {% if consultation.third_party %}您申请获取的政府信息公开可能损害第三方合法权益，本机关已依照《中华人民共和国政府信息公开条例》第三十二条的规定书面征求第三方意见。{% else %}您申请获取的政府信息由本机关与其他行政机关共同制作，本机关已依照《中华人民共和国政府信息公开条例》第三十四条的规定征求相关行政机关意见。{% endif %}根据该条例第三十三条第三款的规定，征求意见所需时间不计算在答复期限内。
            """,
        LetterKind.Fee => $$$"""
            收费通知书
            {{ applicant.name }}：
            {{{Opening}}}
            您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定收取信息处理费（{{ fee.method }}计收），金额为人民币{{ fee.amount }}元。
            请您自收到本通知书的次日起20个工作日内缴纳费用。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。
            """,
        LetterKind.Reasons => $$$"""
            要求说明理由告知书
            {{ applicant.name }}：
            {{{Opening}}}
            经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您说明申请理由。本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但是无法在规定期限内答复的，将确定延迟答复的合理期限并告知您。
            """,
        LetterKind.Delay => $$$"""
            延迟答复告知书
            {{ applicant.name }}：
            {{{Opening}}}
            本机关已于{{ reasons_requested_on }}要求您说明申请理由。经审查，本机关认为您的申请理由合理，但是无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。根据该条例第三十五条的规定，本机关确定于{{ delay.answer_by }}前答复您的申请。
            """,
        LetterKind.Answer => $$$"""
            政府信息公开申请答复书
            {{ applicant.name }}：
            {{{Opening}}}现答复如下：
            {{ decision.finding }}
            {% for g in decision.grounds %}{{ forloop.index }}. {{ g.finding }}（依据{{ g.basis }}）
            {% endfor %}{% if decision.note != "" %}{{ decision.note }}
            {% endif %}根据{{ decision.basis }}的规定，特此告知。
            {% for p in decision.provisions %}附：{{ p.citation }}：“{{ p.text }}”
            {% endfor %}{{ remedy.clause }}
            """,
        _ => $$$"""
            撤回确认书
            {{ applicant.name }}：
            {{{Opening}}}
            您已于{{ withdrawal.on }}撤回该申请。本机关确认您的撤回，不再处理该政府信息公开申请。
            """,
    };
}

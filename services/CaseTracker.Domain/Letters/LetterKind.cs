namespace CaseTracker.Domain.Cases;

/// <summary>The written notices (文书) the Regulation calls for, one per milestone that needs one.</summary>
public enum LetterKind
{
    /// <summary>登记回执: the request was received (条例第三十一条).</summary>
    Receipt,

    /// <summary>补正告知书 (条例第三十条).</summary>
    Supplement,

    /// <summary>延期答复告知书 (条例第三十三条第二款).</summary>
    Extension,

    /// <summary>征求意见书 to the third party (第三十二条) or the other agency (第三十四条); one per consultation.</summary>
    Consultation,

    /// <summary>征求意见告知书: tells the applicant that the time of the consultation does not count (第三十三条第三款).</summary>
    ConsultationNotice,

    /// <summary>收费通知书 (国办函〔2020〕109号).</summary>
    Fee,

    /// <summary>要求说明理由告知书 (第三十五条).</summary>
    Reasons,

    /// <summary>延迟答复告知书 (第三十五条).</summary>
    Delay,

    /// <summary>政府信息公开申请答复书: the answer for the outcome (第三十六条 and the provision the outcome rests on).</summary>
    Answer,

    /// <summary>撤回确认书: the applicant withdrew.</summary>
    Withdrawal,
}

/// <summary>送达方式.</summary>
public enum DeliveryMethod
{
    /// <summary>当面送达, signed for.</summary>
    InPerson,

    /// <summary>邮寄 (EMS), with the mail number.</summary>
    Post,

    /// <summary>电子送达 (e-mail or the portal), with the time.</summary>
    Electronic,
}

/// <summary>
/// A letter issued on the case (a <see cref="CaseEvent.LetterIssued"/>), with its delivery once recorded.
/// <paramref name="Subject"/> tells letters of one kind apart (the consultation id); empty otherwise.
/// </summary>
public sealed record IssuedLetter(
    string LetterId, LetterKind Kind, string Subject, string Number, DateOnly IssuedOn, int Milestone, int TemplateVersion, string ContentHash)
{
    public Delivery? Delivery { get; init; }
}

/// <param name="Detail">当面: who signed (申请人本人 / 代理人 …, not a name); 邮寄: the EMS number; 电子: the channel.</param>
/// <param name="At">电子: the time it was sent or posted to the portal.</param>
public sealed record Delivery(DeliveryMethod Method, DateOnly On, string Detail, DateTimeOffset? At);

public static class LetterVocabulary
{
    public static string Label(this LetterKind kind) => kind switch
    {
        LetterKind.Receipt => "登记回执",
        LetterKind.Supplement => "补正告知书",
        LetterKind.Extension => "延期答复告知书",
        LetterKind.Consultation => "征求意见书",
        LetterKind.ConsultationNotice => "征求意见告知书",
        LetterKind.Fee => "收费通知书",
        LetterKind.Reasons => "要求说明理由告知书",
        LetterKind.Delay => "延迟答复告知书",
        LetterKind.Answer => "政府信息公开申请答复书",
        _ => "撤回确认书",
    };

    public static string Label(this DeliveryMethod method) => method switch
    {
        DeliveryMethod.InPerson => "当面送达",
        DeliveryMethod.Post => "邮寄送达",
        _ => "电子送达",
    };
}

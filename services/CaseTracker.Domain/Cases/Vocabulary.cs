namespace CaseTracker.Domain.Cases;

/// <summary>The applicant types exactly as the tables print them (the columns of section 三).</summary>
public enum ApplicantType
{
    NaturalPerson,
    CommercialEnterprise,
    ResearchInstitution,
    SocialWelfareOrganization,
    LegalServiceProvider,
    OtherOrganization,
}

/// <summary>How the request reached the agency (条例第二十九条、第三十一条).</summary>
public enum Channel
{
    InPerson,
    Post,
    OrdinaryLetter,
    Online,
    Email,
    Fax,
    Other,

    /// <summary>信函: the old ledgers' word for a request by letter (cases received before 2019-05-15).</summary>
    Letter,

    /// <summary>互联网 (old ledgers).</summary>
    Internet,

    /// <summary>电话 (old ledgers; the 2019 rules require writing, 条例第二十九条).</summary>
    Phone,
}

public enum ConsultationKind
{
    ThirdParty,
    OtherAgency,
}

/// <summary>A third party's answer to the consultation (条例第三十二条); no answer in 15 working days is a lapse.</summary>
public enum ThirdPartyAnswer
{
    /// <summary>同意公开.</summary>
    Consents,

    /// <summary>不同意公开 (with its reasons).</summary>
    Objects,
}

public enum FeeMethod
{
    PerItem,
    PerVolume,
}

public enum AppealResult
{
    Upheld,
    Corrected,
    Other,
}

public static class Vocabulary
{
    public static readonly IReadOnlyList<(ApplicantType Type, string Label)> ApplicantTypes =
    [
        (ApplicantType.NaturalPerson, "自然人"),
        (ApplicantType.CommercialEnterprise, "商业企业"),
        (ApplicantType.ResearchInstitution, "科研机构"),
        (ApplicantType.SocialWelfareOrganization, "社会公益组织"),
        (ApplicantType.LegalServiceProvider, "法律服务机构"),
        (ApplicantType.OtherOrganization, "其他"),
    ];

    public static readonly IReadOnlyList<(Channel Channel, string Label)> Channels =
    [
        (Channel.InPerson, "当面"),
        (Channel.Post, "邮寄"),
        (Channel.OrdinaryLetter, "平常信函"),
        (Channel.Online, "网络"),
        (Channel.Email, "电子邮件"),
        (Channel.Fax, "传真"),
        (Channel.Other, "其他"),
    ];

    /// <summary>The channels only old ledgers record, for cases received before 2019-05-15.</summary>
    public static readonly IReadOnlyList<(Channel Channel, string Label)> LegacyChannels =
    [
        (Channel.Letter, "信函"),
        (Channel.Internet, "互联网"),
        (Channel.Phone, "电话"),
    ];

    /// <summary>Every channel a stored case may carry: the current ones, then the legacy ones.</summary>
    public static readonly IReadOnlyList<(Channel Channel, string Label)> AllChannels = [.. Channels, .. LegacyChannels];

    public static bool IsLegacy(this Channel channel) => channel is Channel.Letter or Channel.Internet or Channel.Phone;

    public static readonly IReadOnlyList<(FeeMethod Method, string Label)> FeeMethods =
    [
        (FeeMethod.PerItem, "按件"),
        (FeeMethod.PerVolume, "按量"),
    ];

    public static string Label(this ApplicantType type) => ApplicantTypes.First(t => t.Type == type).Label;

    public static string Label(this Channel channel) => AllChannels.First(c => c.Channel == channel).Label;

    public static string Label(this ConsultationKind kind) => kind == ConsultationKind.ThirdParty ? "第三方" : "其他机关";

    public static string Label(this ThirdPartyAnswer answer) => answer == ThirdPartyAnswer.Consents ? "同意公开" : "不同意公开";

    public static string Label(this FeeMethod method) => method == FeeMethod.PerItem ? "按件" : "按量";

    public static string Label(this AppealResult result) => result switch
    {
        AppealResult.Upheld => "结果维持",
        AppealResult.Corrected => "结果纠正",
        _ => "其他结果",
    };

    public static ApplicantType? ParseApplicantType(string text) =>
        ApplicantTypes.Where(t => t.Label == text.Trim()).Select(t => (ApplicantType?)t.Type).FirstOrDefault();

    public static Channel? ParseChannel(string text) =>
        AllChannels.Where(c => c.Label == text.Trim()).Select(c => (Channel?)c.Channel).FirstOrDefault();

    /// <summary>条例第三十一条: the day a request counts as received depends on how it came in.</summary>
    public static string ReceiptDateRule(this Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交的，以提交之日为收到申请之日",
        Channel.Post => "以邮寄方式提交的，以行政机关签收之日为收到申请之日",
        Channel.OrdinaryLetter => "以平常信函等无需签收的邮寄方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日",
        Channel.Online or Channel.Fax => "通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日",
        Channel.Email => "通过公开的电子邮箱提交的，以邮件系统收到之日为收到申请之日",
        Channel.Letter => "以信函方式提交的，以行政机关收到之日为收到申请之日",
        Channel.Internet => "通过互联网提交的，以行政机关收到之日为收到申请之日",
        _ => "以政府信息公开工作机构实际收到并确认之日为收到申请之日",
    };
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using CaseTracker.Cases;
using CaseTracker.Domain.Cases;
using CaseTracker.Pipeline;
using CaseTracker.Web.Forms;

namespace CaseTracker.Portal;

/// <summary>
/// 政府信息公开申请 as the applicant fills it in (条例第二十九条): who (name or organisation and its code, 证件, contact),
/// what (the description), and in what form. The same record reads the /apply form and the JSON body of
/// <c>POST /api/public/requests</c>; every refusal names the field in Chinese.
/// </summary>
public sealed partial record PortalApplication(
    [property: Description("受理机关（机关名录中的名称）"), MaxLength(200)] string Agency,
    [property: Description("申请人类型（代码或中文名称，如 NaturalPerson 或 自然人）")] ApplicantType ApplicantType,
    [property: Description("申请人姓名，或法人、其他组织的名称"), MaxLength(100)] string Name,
    [property: Description("证件类型：居民身份证、护照、港澳居民来往内地通行证、台湾居民来往大陆通行证、外国人永久居留身份证、其他（法人或其他组织可不填）"), MaxLength(20)]
    string? IdType,
    [property: Description("证件号码（居民身份证按 GB 11643 校验）"), MaxLength(40)] string? IdNumber,
    [property: Description("联系电话（查询时需其后四位）"), MaxLength(20)] string Phone,
    [property: Description("电子邮箱（接收查询码和通知）"), MaxLength(200)] string Email,
    [property: Description("通信地址（选择邮寄时必填）"), MaxLength(300)] string? Address,
    [property: Description("所需政府信息的名称、文号或者便于查询的其他特征性描述"), MaxLength(FormValues.MaxText)] string Description,
    [property: Description("所需信息的形式：纸质 或 电子")] string Form,
    [property: Description("获取方式：电子邮件、网站下载、邮寄、当面领取（不填：电子形式为电子邮件，纸质形式为邮寄）"), MaxLength(20)]
    string? Delivery = null,
    [property: Description("法人或其他组织的统一社会信用代码（18 位）"), MaxLength(18)] string? OrganisationCode = null)
    : IRequestBody<PortalApplication>
{
    public const string ResidentId = "居民身份证";

    public static readonly IReadOnlyList<string> IdTypes = [ResidentId, "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "外国人永久居留身份证", "其他"];

    public static readonly IReadOnlyList<string> Forms = ["电子", "纸质"];

    public static readonly IReadOnlyList<string> Deliveries = ["电子邮件", "网站下载", "邮寄", "当面领取"];

    /// <summary>The interface's reader on the real clock; the portal's endpoints pass the host's business day instead.</summary>
    public static PortalApplication Read(FormValues v) => Read(v, TimeProvider.System.Today());

    public static PortalApplication Read(FormValues v, DateOnly today)
    {
        var agency = v.Text("agency", "受理机关", 200);
        var type = v.Choice("applicantType", "申请人类型", Vocabulary.ApplicantTypes);
        var person = type == ApplicantType.NaturalPerson;
        var name = v.Text("name", person ? "姓名" : "名称", 100);
        var code = v.Optional("organisationCode", "统一社会信用代码", 18)?.ToUpperInvariant();
        if (!person && code is null)
        {
            throw new UserError("organisationCode", "统一社会信用代码：法人或其他组织申请时必须填写（条例第二十九条）。");
        }

        if (code is not null && !OrganisationCodePattern().IsMatch(code))
        {
            throw new UserError("organisationCode", "统一社会信用代码：应为 18 位数字或大写字母。");
        }

        var idType = v.Optional("idType", "证件类型", 20);
        var idNumber = v.Optional("idNumber", "证件号码", 40);
        if (person && (idType is null || idNumber is null))
        {
            throw new UserError(idType is null ? "idType" : "idNumber", $"{(idType is null ? "证件类型" : "证件号码")}：公民申请时必须填写身份证明（条例第二十九条）。");
        }

        if (idType is not null && !IdTypes.Contains(idType))
        {
            throw new UserError("idType", $"证件类型：“{idType}”不是可选的值（可选：{string.Join("、", IdTypes)}）。");
        }

        if (idNumber is not null && (idType ?? ResidentId) == ResidentId)
        {
            idNumber = ResidentIdNumber.Normalise(idNumber);
            if (ResidentIdNumber.Problem(idNumber, today) is { } problem)
            {
                throw new UserError("idNumber", $"证件号码：居民身份证号码{problem}。");
            }
        }

        var phone = v.Text("phone", "联系电话", 20);
        if (!PhonePattern().IsMatch(phone) || phone.Count(char.IsAsciiDigit) < 7)
        {
            throw new UserError("phone", "联系电话：应为 7–20 位数字（可含 +、- 和空格），例如 13800138000 或 010-12345678。");
        }

        var email = v.Text("email", "电子邮箱", 200);
        if (!EmailPattern().IsMatch(email) || !MimeKit.MailboxAddress.TryParse(email, out _))
        {
            throw new UserError("email", $"电子邮箱：“{email}”不是有效的邮箱地址。");
        }

        var address = v.Optional("address", "通信地址", 300);
        var description = v.Text("description", "所需信息的描述");
        var form = OneOf(v, "form", "所需信息的形式", Forms) ?? throw new UserError("form", "所需信息的形式：必须选择（纸质 或 电子）。");
        var delivery = OneOf(v, "delivery", "获取方式", Deliveries) ?? (form == "电子" ? "电子邮件" : "邮寄");
        if (delivery == "邮寄" && address is null)
        {
            throw new UserError("address", "通信地址：选择邮寄时必须填写。");
        }

        return new PortalApplication(agency, type, name, idType, idNumber, phone, email, address, description, form, delivery, code);
    }

    /// <summary>The last four digits of the phone number: with the query code, what a lookup must give.</summary>
    public string PhoneLast4 => new string([.. Phone.Where(char.IsAsciiDigit)])[^4..];

    /// <summary>What the case records as the form wanted (条例第二十九条第二款第三项).</summary>
    public string RequestedForm => $"{Form}（{Delivery}）";

    /// <summary>The applicant as the case stores it (sealed under a key of its own subject).</summary>
    public PersonalData Applicant() =>
        new(Guid.NewGuid(), OrganisationCode is null ? Name : $"{Name}（统一社会信用代码 {OrganisationCode}）",
            IdNumber is null ? null : $"{IdType ?? ResidentId} {IdNumber}", Phone, Address);

    private static string? OneOf(FormValues v, string key, string label, IReadOnlyList<string> allowed)
    {
        var text = v.Optional(key, label, 20);
        return text is null || allowed.Contains(text)
            ? text
            : throw new UserError(key, $"{label}：“{text}”不是可选的值（可选：{string.Join("、", allowed)}）。");
    }

    [GeneratedRegex("^[0-9A-Z]{18}$")]
    private static partial Regex OrganisationCodePattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,18}[0-9]$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s<>(),;:""\[\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();
}

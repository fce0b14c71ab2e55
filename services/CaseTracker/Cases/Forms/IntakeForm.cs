using CaseTracker.Domain.Cases;
using CaseTracker.Web.Forms;

namespace CaseTracker.Cases.Forms;

/// <summary>收到申请: every field of <see cref="CaseCommand.Receive"/>, the applicant's personal data included.</summary>
public static class IntakeForm
{
    public static readonly IReadOnlyList<Field> Fields =
    [
        new("caseNumber", "申请编号", FieldKind.Text),
        new("agency", "办理机关", FieldKind.Select),
        Field.On("收到申请日期"),
        Field.Select("channel", "申请方式", Vocabulary.Channels),
        Field.Select("applicantType", "申请人类型", Vocabulary.ApplicantTypes),
        new("name", "申请人姓名或名称", FieldKind.Text),
        new("idNumber", "证件号码", FieldKind.Text, false),
        new("phone", "联系电话", FieldKind.Text, false),
        new("address", "通信地址", FieldKind.Text, false),
        new("description", "申请公开的政府信息内容描述", FieldKind.TextArea),
        new("requestedForm", "获取信息的方式", FieldKind.Text, false, "如：纸质、电子邮件"),
    ];

    /// <summary>The form post through <see cref="IntakeBody"/> (the API's body): the same validation, the agency must be registered.</summary>
    public static Task<CaseCommand.Receive> BuildAsync(FormValues v, Guid caseId, Agencies.AgencyDirectory agencies, CancellationToken ct) =>
        IntakeBody.Read(v).ToCommandAsync(caseId, agencies, ct);
}

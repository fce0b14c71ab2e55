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

    /// <summary>The receiving agency must be registered (the pipeline then checks the user may record for it).</summary>
    public static async Task<CaseCommand.Receive> BuildAsync(FormValues v, Guid caseId, Agencies.AgencyDirectory agencies, CancellationToken ct)
    {
        var command = Build(v, caseId);
        return (await agencies.ListAsync(ct)).Any(a => a.Name == command.Agency)
            ? command
            : throw new Pipeline.UserError("agency", $"办理机关：“{command.Agency}”未登记。");
    }

    public static CaseCommand.Receive Build(FormValues v, Guid caseId) => new(
        caseId,
        v.Text("agency", "办理机关", 200),
        v.Text("caseNumber", "申请编号", 64),
        v.Date("on", "收到申请日期"),
        v.Choice("channel", "申请方式", Vocabulary.Channels),
        v.Choice("applicantType", "申请人类型", Vocabulary.ApplicantTypes),
        new PersonalData(Guid.NewGuid(), v.Text("name", "申请人姓名或名称", 200), v.Optional("idNumber", "证件号码", 40),
            v.Optional("phone", "联系电话", 40), v.Optional("address", "通信地址", 400)),
        v.Text("description", "申请公开的政府信息内容描述"),
        v.Optional("requestedForm", "获取信息的方式", 100) ?? "");
}

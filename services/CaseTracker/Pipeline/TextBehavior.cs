using CaseTracker.Domain.Text;
using Mediator;

namespace CaseTracker.Pipeline;

/// <summary>
/// Every text field of every command, whatever the door (web, API, command line, bus): a NUL or another control
/// character is a 400 naming the field (<see cref="TextRules"/>), before anything is decided or written.
/// </summary>
public sealed class TextBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["agency"] = "办理机关",
        ["caseNumber"] = "申请编号",
        ["name"] = "申请人姓名或名称",
        ["idNumber"] = "证件号码",
        ["phone"] = "联系电话",
        ["address"] = "通信地址",
        ["description"] = "申请公开的政府信息内容描述",
        ["requestedForm"] = "获取信息的方式",
        ["items"] = "需要补正的事项",
        ["party"] = "征求意见对象",
        ["approver"] = "批准人",
        ["reason"] = "理由",
        ["note"] = "备注",
        ["body"] = "复议机关",
        ["court"] = "法院",
        ["consultationId"] = "征求意见编号",
        ["appealId"] = "复议或诉讼编号",
    };

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // What the caller sent, not the stored history the API hands the handler (RecordMilestone.Loaded).
        if (TextRules.Find(message is Cases.RecordMilestone { Loaded: not null } milestone ? milestone with { Loaded = null } : message) is { } found)
        {
            var field = FieldOf(found.Field);
            throw new UserError(field, TextRules.Reason(Labels.GetValueOrDefault(field, field), found.Character));
        }

        return next(message, cancellationToken);
    }

    /// <summary>The request's field for a property path: <c>command.applicant.name</c> is the form's <c>name</c>.</summary>
    public static string FieldOf(string path)
    {
        var last = path.LastIndexOf('.');
        return last < 0 ? path : path[(last + 1)..];
    }
}

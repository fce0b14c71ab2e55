namespace CaseTracker.Ledger;

/// <summary>The column names of the ledger (依申请公开台账), exactly as the header row writes them (spec ledger.md).</summary>
public static class LedgerColumns
{
    public const string Number = "编号";
    public const string Agency = "办理机关";
    public const string ReceivedOn = "收到日期";
    public const string ApplicantType = "申请人类型";
    public const string Channel = "申请方式";
    public const string ApplicantName = "申请人";
    public const string IdNumber = "证件号码";
    public const string Phone = "联系电话";
    public const string Address = "联系地址";
    public const string Description = "申请内容";
    public const string SupplementRequestedOn = "补正告知日期";
    public const string SupplementDue = "补正期限";
    public const string SupplementReceivedOn = "补正收到日期";
    public const string ConsultationParty = "征求意见对象";
    public const string ConsultationStartedOn = "征求意见开始日期";
    public const string ConsultationEndedOn = "征求意见结束日期";
    public const string ExtendedOn = "延期日期";

    /// <summary>条例第三十五条: the day the applicant was asked to explain; 不予处理·无正当理由大量反复申请 needs it (an extension of ledger.md).</summary>
    public const string ReasonsRequestedOn = "要求说明理由日期";
    public const string FeeNoticeOn = "收费通知日期";
    public const string FeePaidOn = "缴费日期";
    public const string FeeMethod = "计费方式";
    public const string FeePages = "计费页数";
    public const string FeeAmount = "收费金额";
    public const string FeePaidAmount = "缴费金额";

    /// <summary>不予处理·重复申请: the earlier request's 编号 (条例第三十六条第（六）项; an extension of ledger.md).</summary>
    public const string RepeatOf = "原申请编号";
    public const string AnsweredOn = "答复日期";
    public const string Disposition = "答复类型";
    public const string Detail = "具体情形";
    public const string ReconsideredOn = "行政复议日期";
    public const string ReconsiderationResult = "行政复议结果";
    public const string ReconsiderationConcludedOn = "行政复议审结日期";
    public const string SuedOn = "行政诉讼日期";
    public const string LawsuitKind = "诉讼类型";
    public const string LawsuitResult = "行政诉讼结果";
    public const string LawsuitConcludedOn = "行政诉讼审结日期";

    public const string Status = "状态";
    public const string Deadline = "答复期限";
    public const string DaysLeft = "剩余工作日";
    public const string Overdue = "是否超期";
    public const string Provisional = "期限是否暂定";

    /// <summary>The column a rejects file adds; ignored when that file is imported again.</summary>
    public const string ErrorReason = "错误原因";

    public static readonly IReadOnlyList<string> Required = [Number, Agency, ReceivedOn, ApplicantType, Channel];

    /// <summary>Every ledger column, in the order an export writes them.</summary>
    public static readonly IReadOnlyList<string> Ledger =
    [
        Number, Agency, ReceivedOn, ApplicantType, Channel, ApplicantName, IdNumber, Phone, Address, Description,
        SupplementRequestedOn, SupplementDue, SupplementReceivedOn, ConsultationParty, ConsultationStartedOn, ConsultationEndedOn,
        ExtendedOn, FeeNoticeOn, FeePaidOn, AnsweredOn, Disposition, Detail,
        ReconsideredOn, ReconsiderationResult, ReconsiderationConcludedOn, SuedOn, LawsuitKind, LawsuitResult, LawsuitConcludedOn,
        ReasonsRequestedOn, FeeMethod, FeePages, FeeAmount, FeePaidAmount, RepeatOf,
    ];

    /// <summary>What the product computes on export; an import ignores them without a warning.</summary>
    public static readonly IReadOnlyList<string> Computed = [Status, Deadline, DaysLeft, Overdue, Provisional];

    public static readonly IReadOnlyList<string> DateColumns =
    [
        ReceivedOn, SupplementRequestedOn, SupplementDue, SupplementReceivedOn, ConsultationStartedOn, ConsultationEndedOn,
        ExtendedOn, FeeNoticeOn, FeePaidOn, AnsweredOn, ReconsideredOn, ReconsiderationConcludedOn, SuedOn, LawsuitConcludedOn,
        ReasonsRequestedOn,
    ];

    public static bool IsKnown(string name) => Ledger.Contains(name) || Computed.Contains(name) || name == ErrorReason;
}

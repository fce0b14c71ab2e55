namespace CaseTracker.Ledger.Import;

/// <summary>
/// Where an import is lenient about what old ledgers did not record (it stays strict about the impossible: dates, order,
/// duplicates). Each is listed in the import summary with the number of rows it applied to.
/// </summary>
public static class LedgerLeniency
{
    public const string SupplementPeriod = "补正告知未载明补正期限，按默认期限计算";
    public const string SupplementItems = "补正告知未载明补正事项";
    public const string ExtensionApprover = "延期未载明批准人和理由";
    public const string ConsultationAnswer = "第三方意见未载明同意或不同意公开";
    public const string FeeBasis = "收费通知未载明计费方式、计费页数或收费金额，按台账所载登记（未核算）";
    public const string PartialWithoutGround = "部分公开未载明不予公开部分的理由，标记为不完整";
    public const string OldWords = "答复类型使用2019年以前的地方统计用语";
    public const string OldChannel = "申请方式为信函、互联网或电话（2019年以前台账用语）";
    public const string RepeatWithoutLink = "重复申请未载明原申请编号";

    public static readonly IReadOnlyList<string> All =
    [
        SupplementPeriod, SupplementItems, ExtensionApprover, ConsultationAnswer, FeeBasis, PartialWithoutGround, OldWords, OldChannel,
        RepeatWithoutLink,
    ];
}

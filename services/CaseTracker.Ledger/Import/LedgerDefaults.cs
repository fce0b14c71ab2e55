namespace CaseTracker.Ledger.Import;

/// <summary>What a ledger row leaves unsaid, filled in the same way on every import so that a re-import is identical.</summary>
public static class LedgerDefaults
{
    /// <summary>The ledger has no column for the supplement items (条例第三十条 requires them to be stated).</summary>
    public const string SupplementItems = "台账登记（未载明补正事项）";

    public const string ConsultationId = "ledger-1";

    public const string ExtensionApprover = "台账导入";

    public const string ExtensionReason = "台账登记";

    /// <summary>
    /// The ledger has no fee amount; the domain requires one above zero. 100 元 is the lowest non-zero rate of
    /// 国办函〔2020〕109号 按件计收 (11–30件, 100元/件); the amount counts in no statistic.
    /// </summary>
    public const decimal FeeAmount = 100m;

    /// <summary>An old ledger's 重复申请 without 原申请编号 (listed as a leniency of the import).</summary>
    public const string RepeatOfUnrecorded = "（台账未载明原申请）";

    public const string ReconsiderationId = "ledger-reconsideration-1";

    public const string LawsuitId = "ledger-lawsuit-1";
}

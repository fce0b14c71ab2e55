using CaseTracker.Domain.Cases;

namespace CaseTracker.Ledger.Import;

/// <summary>One milestone command a ledger row asks for, and the column it comes from (for error messages).</summary>
public sealed record LedgerStep(CaseCommand Command, string Column);

/// <summary>A case as the ledger names it: 办理机关 + 编号.</summary>
public sealed record LedgerCaseKey(string Agency, string Number)
{
    public Guid CaseId => LedgerIds.CaseId(Agency, Number);

    public override string ToString() => $"{Agency} {Number}";
}

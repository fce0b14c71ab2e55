using CaseTracker.Ledger.Import;

namespace CaseTracker.Ledger.Tests;

internal static class Imports
{
    public static LedgerImportPlan Plan(byte[] file, LedgerImportOptions? options = null)
    {
        using var stream = new MemoryStream(file);
        return LedgerImporter.Plan(stream, options);
    }

    public static LedgerProblem SingleError(this LedgerImportPlan plan)
    {
        Assert.Empty(plan.CasesToImport);
        return Assert.Single(plan.Errors);
    }
}

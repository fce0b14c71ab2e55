using CaseTracker.Domain.Cases;
using CaseTracker.Ledger.Reading;

namespace CaseTracker.Ledger.Import;

public sealed record LedgerImportOptions
{
    public static LedgerImportOptions Default { get; } = new();

    /// <summary>The file's name, carried into the plan for the imported events' metadata (actor, file, row).</summary>
    public string FileName { get; init; } = "";

    public LedgerFormat Format { get; init; } = LedgerFormat.Detect;

    /// <summary>Import the valid rows and report the rest (for a rejects file). Default: nothing when any row is invalid.</summary>
    public bool KeepValidRows { get; init; }

    /// <summary>The largest cell, in characters. A bigger cell is an error and is not kept in memory.</summary>
    public int MaxCellLength { get; init; } = 32 * 1024;

    /// <summary>The other limits on reading the file (row length, rows, what an XLSX may unpack to); see FORMAT.md.</summary>
    public LedgerReadLimits Limits { get; init; } = LedgerReadLimits.Default;

    /// <summary>
    /// The problems (errors and warnings) a plan keeps in memory: the first ones, in row order; beyond them only counted
    /// (<see cref="LedgerImportPlan.ProblemCount"/>, <see cref="LedgerImportPlan.RejectedCount"/>).
    /// </summary>
    public int MaxProblemsKept { get; init; } = 1000;

    /// <summary>The largest input read that cannot seek (copied into memory first).</summary>
    public long MaxUnseekableBytes { get; init; } = 64L * 1024 * 1024;

    public CasePolicy Policy { get; init; } = CasePolicy.Default;

    /// <summary>
    /// Whether the plan keeps each valid row's milestones (<see cref="LedgerImportPlan.Cases"/>). Without them it keeps only
    /// each valid row's number, 办理机关 + 编号 and leniencies (<see cref="LedgerImportPlan.Rows"/>, a few dozen bytes a row),
    /// and the import reads the milestones again from the file, chunk by chunk, as it writes them
    /// (<see cref="LedgerImporter.ReadCases"/>): memory then does not grow with the ledger's milestones.
    /// </summary>
    public bool KeepCases { get; init; } = true;

    /// <summary>Told the number of data rows read so far, every <see cref="ProgressEvery"/> rows and at the end.</summary>
    public IProgress<int>? Progress { get; init; }

    public int ProgressEvery { get; init; } = 1000;
}

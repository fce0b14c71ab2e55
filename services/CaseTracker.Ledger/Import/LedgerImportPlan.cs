namespace CaseTracker.Ledger.Import;

/// <summary>
/// What importing a ledger file would do. By default all or nothing (<see cref="CasesToImport"/> is empty when any row is
/// invalid); with <see cref="LedgerImportOptions.KeepValidRows"/> the valid rows, and the rest go to a rejects file.
/// </summary>
public sealed record LedgerImportPlan(
    string FileName,
    bool KeepValidRows,
    IReadOnlyList<string> Header,
    IReadOnlyList<PlannedCase> Cases,
    IReadOnlyList<RejectedRow> Rejected,
    IReadOnlyList<LedgerProblem> FileProblems,
    IReadOnlyList<LedgerProblem> Warnings)
{
    /// <summary>
    /// Every valid row (number, key, leniencies), whether or not the plan keeps its milestones: what the import checks
    /// against the store before it writes, and what a ledger read again must yield (<see cref="LedgerImporter.ReadCases"/>).
    /// </summary>
    public IReadOnlyList<PlannedRow> Rows { get; init; } = [];

    /// <summary>Whether <see cref="Cases"/> holds the milestones of every valid row (<see cref="LedgerImportOptions.KeepCases"/>).</summary>
    public bool HoldsCases { get; init; } = true;

    /// <summary>The keys more than one row of the file gives: none of their rows is imported.</summary>
    public IReadOnlySet<LedgerCaseKey> DuplicatedKeys { get; init; } = new HashSet<LedgerCaseKey>();

    /// <summary>All the rejected rows, of which <see cref="Rejected"/> holds the first (up to the problems kept).</summary>
    public int RejectedCount { get; init; }

    /// <summary>All the errors found (file and rows), of which <see cref="Errors"/> holds the first.</summary>
    public int ProblemCount { get; init; }

    /// <summary>Every row is valid and the file itself is readable.</summary>
    public bool IsValid => FileProblems.Count == 0 && RejectedCount == 0;

    /// <summary>
    /// The cases to write. None when the file is unreadable, when any row is invalid (by default), or when more rows are
    /// invalid than the plan keeps: their rejects file would be incomplete, so the valid ones are not written either.
    /// </summary>
    public IReadOnlyList<PlannedCase> CasesToImport => WritesNothing ? [] : Cases;

    /// <summary>The valid rows to write (as <see cref="CasesToImport"/>), kept whether or not the plan holds their milestones.</summary>
    public IReadOnlyList<PlannedRow> RowsToImport => WritesNothing ? [] : Rows;

    private bool WritesNothing => FileProblems.Count > 0 || (RejectedCount > 0 && (!KeepValidRows || RejectedCount > Rejected.Count));

    /// <summary>The errors kept (see <see cref="ProblemCount"/> for all), file first, then by row.</summary>
    public IEnumerable<LedgerProblem> Errors => FileProblems.Concat(Rejected.SelectMany(r => r.Problems));

    /// <summary>
    /// Each leniency of the import (what old ledgers did not record and the import filled in or accepted) with the number of
    /// rows it applies to, in a fixed order: the import summary lists them.
    /// </summary>
    public IReadOnlyList<(string Leniency, int Rows)> Leniencies =>
        [.. LedgerLeniency.All.Select(l => (l, RowsToImport.Count(c => c.Leniencies.Contains(l)))).Where(x => x.Item2 > 0)];

    /// <summary>The agencies the valid rows name, for the import summary (an agency the system lacks is registered).</summary>
    public IReadOnlyList<string> Agencies => RowsToImport.Select(c => c.Key.Agency).Distinct().Order(StringComparer.Ordinal).ToList();
}

internal sealed class LedgerImportPlanBuilder(LedgerImportOptions options)
{
    private readonly List<PlannedCase> _cases = [];
    private readonly List<PlannedRow> _rows = [];
    private readonly Dictionary<string, string> _agencyNames = new(StringComparer.Ordinal);
    private readonly List<RejectedRow> _rejected = [];
    private readonly List<LedgerProblem> _fileProblems = [];
    private readonly List<LedgerProblem> _warnings = [];
    private readonly HashSet<LedgerCaseKey> _duplicated = [];
    private IReadOnlyList<string> _header = [];
    private int _rejectedCount;
    private int _problemCount;
    private int _kept;

    private bool Keep(int problems, bool errors = true)
    {
        _problemCount += errors ? problems : 0;
        if (_kept >= options.MaxProblemsKept)
        {
            return false;
        }

        _kept += problems;
        return true;
    }

    public static LedgerProblem Duplicate(int row, LedgerCaseKey key, int otherRow) =>
        new(row, LedgerColumns.Number, $"编号“{key.Number}”在办理机关“{key.Agency}”下重复（第{Math.Min(row, otherRow)}行与第{Math.Max(row, otherRow)}行），同一机关的编号必须唯一。");

    public void Add(LedgerEntry entry)
    {
        switch (entry)
        {
            case LedgerEntry.Header h:
                _header = h.Names;
                break;
            case LedgerEntry.Warning w:
                if (Keep(1, errors: false))
                {
                    _warnings.Add(w.Problem);
                }

                break;
            case LedgerEntry.Valid v:
                // One string per agency, not one per row: a plan without its cases keeps little else per row.
                var agency = _agencyNames.TryGetValue(v.Case.Key.Agency, out var known) ? known : _agencyNames[v.Case.Key.Agency] = v.Case.Key.Agency;
                _rows.Add(PlannedRow.Of(v.Case) with { Key = v.Case.Key with { Agency = agency } });
                if (options.KeepCases)
                {
                    _cases.Add(v.Case);
                }

                break;
            case LedgerEntry.Invalid i:
                _rejectedCount++;
                if (Keep(i.Row.Problems.Count))
                {
                    _rejected.Add(i.Row);
                }

                if (i.Row is { Key: { } key, DuplicateOf: not null })
                {
                    _duplicated.Add(key);
                }

                break;
            case LedgerEntry.Unreadable u:
                _problemCount += u.Problems.Count;
                _fileProblems.AddRange(u.Problems);
                break;
        }
    }

    public LedgerImportPlan Build()
    {
        var cases = _cases;
        var rows = _rows;
        var rejected = _rejected;
        if (_duplicated.Count > 0)
        {
            var laterRows = rejected.Where(r => r.DuplicateOf is not null).ToLookup(r => r.Key!, r => r.Row);
            var held = cases.ToDictionary(c => c.Row);
            foreach (var first in rows.Where(c => _duplicated.Contains(c.Key)).ToList())
            {
                var later = laterRows[first.Key].Cast<int?>().FirstOrDefault();
                _rejectedCount++;
                _problemCount++;
                if (later is { } laterRow)
                {
                    var problem = Duplicate(first.Row, first.Key, laterRow);
                    // A plan that does not keep the milestones has no cells for it: the rejects file reads them from the file.
                    IReadOnlyList<string> cells = held.TryGetValue(first.Row, out var kept)
                        ? Export.LedgerCells.OfCommands(kept.Commands, _header, options.Policy)
                        : [];
                    rejected.Add(new RejectedRow(first.Row, first.Key, [problem], cells) { DuplicateOf = laterRow });
                }
            }

            cases = cases.Where(c => !_duplicated.Contains(c.Key)).ToList();
            rows = rows.Where(c => !_duplicated.Contains(c.Key)).ToList();
            rejected = rejected.OrderBy(r => r.Row).ToList();
        }

        return new LedgerImportPlan(options.FileName, options.KeepValidRows, _header, cases, rejected, _fileProblems, _warnings)
        {
            RejectedCount = _rejectedCount,
            ProblemCount = _problemCount,
            Rows = rows,
            HoldsCases = options.KeepCases,
            DuplicatedKeys = _duplicated,
        };
    }
}

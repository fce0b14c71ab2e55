using CaseTracker.Ledger.Reading;

namespace CaseTracker.Ledger.Import;

/// <summary>
/// Reads a ledger file (CSV or XLSX) into the commands of its cases. Pure: nothing is written anywhere; the caller
/// appends the planned commands to the store (only the new ones for known cases: <see cref="LedgerIncrement"/>).
/// </summary>
public static class LedgerImporter
{
    /// <summary>Reads, maps and validates the whole file; duplicates of 办理机关 + 编号 are errors on every row that has them.</summary>
    public static LedgerImportPlan Plan(Stream stream, LedgerImportOptions? options = null)
    {
        options ??= LedgerImportOptions.Default;
        var plan = new LedgerImportPlanBuilder(options);
        foreach (var entry in Read(stream, options))
        {
            plan.Add(entry);
        }

        return plan.Build();
    }

    /// <summary>
    /// One row at a time, holding nothing but the keys seen so far: for very large files, or to show progress.
    /// A repeated 办理机关 + 编号 is reported on the later row here; <see cref="Plan"/> also rejects the earlier one.
    /// </summary>
    public static IEnumerable<LedgerEntry> Read(Stream stream, LedgerImportOptions? options = null)
    {
        options ??= LedgerImportOptions.Default;
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        IEnumerator<RawRow> rows;
        try
        {
            rows = LedgerSource.Rows(stream, options.Format, options.MaxCellLength).GetEnumerator();
        }
        catch (LedgerReadException unreadable)
        {
            return [new LedgerEntry.Unreadable([unreadable.Problem])];
        }

        return ReadRows(rows, options);
    }

    private static IEnumerable<LedgerEntry> ReadRows(IEnumerator<RawRow> rows, LedgerImportOptions options)
    {
        using (rows)
        {
            var header = (LedgerHeader?)null;
            var firstRowOf = new Dictionary<LedgerCaseKey, int>();
            var count = 0;
            var extraCellsReported = false;
            var leading = new List<RawRow>();
            while (true)
            {
                var (row, problem) = NextRow(rows);
                if (problem is not null)
                {
                    yield return new LedgerEntry.Unreadable([problem]);
                    yield break;
                }

                if (row is null)
                {
                    break;
                }

                if (header is null)
                {
                    leading.Add(row);
                    if (!LedgerHeader.LooksLikeHeader(row) && leading.Count < LedgerHeader.MaxTitleRows)
                    {
                        continue;
                    }

                    var (bound, errors, warnings) = LedgerHeader.Bind(LedgerHeader.LooksLikeHeader(row) ? row : leading[0]);
                    if (bound is null)
                    {
                        yield return new LedgerEntry.Unreadable(errors);
                        yield break;
                    }

                    header = bound;
                    yield return new LedgerEntry.Header(bound.Names);
                    if (leading.Count > 1)
                    {
                        yield return new LedgerEntry.Warning(new(leading[0].Number, null, $"表头在第{row.Number}行，此前的{leading.Count - 1}行（如标题行）已跳过。"));
                    }

                    foreach (var warning in warnings)
                    {
                        yield return new LedgerEntry.Warning(warning);
                    }

                    continue;
                }

                count++;
                if (!extraCellsReported && HasCellsWithoutHeader(row, header))
                {
                    extraCellsReported = true;
                    yield return new LedgerEntry.Warning(new(row.Number, null, "这一行（可能还有其他行）有没有表头的单元格，其内容已忽略（只报告一次）。"));
                }

                yield return RowEntry(row, header, firstRowOf, options);
                if (count % options.ProgressEvery == 0)
                {
                    options.Progress?.Report(count);
                }
            }

            options.Progress?.Report(count);
            if (header is null)
            {
                yield return new LedgerEntry.Unreadable(leading.Count > 0
                    ? LedgerHeader.Bind(leading[0]).Errors
                    : [new(null, null, "文件中没有内容：找不到表头行，也没有数据。")]);
            }
            else if (count == 0)
            {
                yield return new LedgerEntry.Unreadable([new(null, null, "文件只有表头，没有数据行。")]);
            }
        }
    }

    private static (RawRow? Row, LedgerProblem? Problem) NextRow(IEnumerator<RawRow> rows)
    {
        try
        {
            while (rows.MoveNext())
            {
                if (!rows.Current.IsBlank)
                {
                    return (rows.Current, null);
                }
            }

            return (null, null);
        }
        catch (LedgerReadException unreadable)
        {
            return (null, unreadable.Problem);
        }
    }

    private static LedgerEntry RowEntry(RawRow row, LedgerHeader header, Dictionary<LedgerCaseKey, int> firstRowOf, LedgerImportOptions options)
    {
        var reader = new RowReader(header, row);
        var (key, steps) = LedgerMapping.Map(reader);
        var problems = reader.Problems;
        int? duplicateOf = null;
        if (key is not null)
        {
            if (firstRowOf.TryGetValue(key, out var first))
            {
                duplicateOf = first;
                problems.Add(LedgerImportPlanBuilder.Duplicate(row.Number, key, first));
            }
            else
            {
                firstRowOf[key] = row.Number;
            }
        }

        if (problems.Count == 0 && LedgerValidation.Check(row.Number, steps, options.Policy) is { } refusal)
        {
            problems.Add(refusal);
        }

        return problems.Count == 0 && key is not null
            ? new LedgerEntry.Valid(new PlannedCase(row.Number, key, steps))
            : new LedgerEntry.Invalid(new RejectedRow(row.Number, key, problems, Texts(row, header)) { DuplicateOf = duplicateOf });
    }

    private static bool HasCellsWithoutHeader(RawRow row, LedgerHeader header)
    {
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (!row.Cells[i].IsBlank && (i >= header.Names.Count || header.Names[i].Length == 0))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Texts(RawRow row, LedgerHeader header) =>
        Enumerable.Range(0, header.Names.Count).Select(i => i < row.Cells.Count ? row.Cells[i].Text : "").ToList();
}

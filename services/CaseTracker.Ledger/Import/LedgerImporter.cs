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
    /// The cases of a plan that did not keep them (<see cref="LedgerImportOptions.KeepCases"/>), read again from the same
    /// file with the same options, one at a time in row order: exactly the plan's <see cref="LedgerImportPlan.RowsToImport"/>.
    /// A file that no longer yields them (changed since it was checked: a row added, gone, or any cell of it changed, by its
    /// fingerprint) stops the reading with a <see cref="LedgerChangedException"/> naming the first row that differs. The rows
    /// are not run through the decider again: the plan did that for the same content.
    /// </summary>
    public static IEnumerable<PlannedCase> ReadCases(Stream stream, LedgerImportOptions options, LedgerImportPlan plan)
    {
        var expected = plan.RowsToImport;
        if (expected.Count == 0)
        {
            yield break;
        }

        var next = 0;
        foreach (var entry in Read(stream, options, validate: false))
        {
            if (entry is LedgerEntry.Unreadable unreadable)
            {
                throw new LedgerChangedException(unreadable.Problems[0].Row ?? 0, unreadable.Problems[0].Reason);
            }

            if (entry is not LedgerEntry.Valid { Case: var planned } || plan.DuplicatedKeys.Contains(planned.Key))
            {
                continue;
            }

            // A row the plan does not import (the decider refused it: not run again here) or after its last one: left out.
            if (next >= expected.Count || planned.Row < expected[next].Row)
            {
                continue;
            }

            if (planned.Row > expected[next].Row)
            {
                throw new LedgerChangedException(expected[next].Row, "校验时有这一行，再次读取时没有了");
            }

            if (expected[next].Key != planned.Key)
            {
                throw new LedgerChangedException(planned.Row, "这一行与校验时不同");
            }

            if (expected[next].Fingerprint != planned.Fingerprint)
            {
                throw new LedgerChangedException(planned.Row, "这一行的内容与校验时不同");
            }

            next++;
            yield return planned;
        }

        if (next < expected.Count)
        {
            throw new LedgerChangedException(expected[next].Row, "校验时有这一行，再次读取时没有了");
        }
    }

    /// <summary>
    /// One row at a time, holding nothing but the keys seen so far: for very large files, or to show progress.
    /// A repeated 办理机关 + 编号 is reported on the later row here; <see cref="Plan"/> also rejects the earlier one.
    /// </summary>
    public static IEnumerable<LedgerEntry> Read(Stream stream, LedgerImportOptions? options = null) => Read(stream, options, validate: true);

    /// <param name="validate">
    /// Whether each row's milestones go through the decider (<see cref="LedgerValidation"/>); not when reading again rows
    /// that were, whose content the fingerprint shows unchanged (<see cref="ReadCases"/>).
    /// </param>
    private static IEnumerable<LedgerEntry> Read(Stream stream, LedgerImportOptions? options, bool validate)
    {
        options ??= LedgerImportOptions.Default;
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                if (copy.Length + read > options.MaxUnseekableBytes)
                {
                    return [new LedgerEntry.Unreadable([new(null, null, $"文件超过 {options.MaxUnseekableBytes / (1024 * 1024)} MB，请保存为文件后用命令行导入。")])];
                }

                copy.Write(buffer, 0, read);
            }

            copy.Position = 0;
            stream = copy;
        }

        IEnumerator<RawRow> rows;
        try
        {
            rows = LedgerSource.Rows(stream, options.Format, options.Limits with { MaxCellLength = options.MaxCellLength }).GetEnumerator();
        }
        catch (LedgerReadException unreadable)
        {
            return [new LedgerEntry.Unreadable([unreadable.Problem])];
        }

        return ReadRows(rows, options, validate);
    }

    private static IEnumerable<LedgerEntry> ReadRows(IEnumerator<RawRow> rows, LedgerImportOptions options, bool validate)
    {
        using (rows)
        {
            var header = (LedgerHeader?)null;
            // Reading again (not validating) needs no repeated-编号 check: the plan knows the repeated keys already.
            var firstRowOf = validate ? new Dictionary<LedgerCaseKey, int>() : null;
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
                if (!extraCellsReported && LedgerRowEntry.HasCellsWithoutHeader(row, header))
                {
                    extraCellsReported = true;
                    yield return new LedgerEntry.Warning(new(row.Number, null, "这一行（可能还有其他行）有没有表头的单元格，其内容已忽略（只报告一次）。"));
                }

                yield return LedgerRowEntry.Of(row, header, firstRowOf, options, validate);
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
}

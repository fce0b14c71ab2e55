using System.CommandLine;
using CaseTracker.Cli;
using CaseTracker.EventStore.Projections;
using CaseTracker.Ledger.Export;
using CaseTracker.Ledger.Import;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;

namespace CaseTracker.Ledger;

public static class LedgerVerbs
{
    private const int ProblemsShown = 200;

    /// <summary>The largest <c>--chunk</c>: a transaction of 100,000 cases holds some 250,000 events in memory.</summary>
    private const int MaxChunk = 100_000;

    public static Command Import()
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "依申请公开台账：CSV（UTF-8）或 XLSX（第一个工作表），格式见 ledger.md",
        };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "只导入有效的行，无效行连同原因写入 --rejects 指定的文件" };
        var rejects = new Option<FileInfo?>("--rejects")
        {
            Description = "无效行的输出文件（CSV，含“错误原因”列，修改后可再次导入）",
        };
        var chunk = new Option<int>("--chunk")
        {
            Description = $"每个事务写入的案件数（1–{MaxChunk}，默认 {LedgerImport.DefaultChunkSize}）：越大写得越快、占用内存越多；"
                + "中断后重新导入同一文件补全未写完的部分",
            DefaultValueFactory = _ => LedgerImport.DefaultChunkSize,
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 0 ? "" : r.Tokens[0].Value;
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var given)
                    && given is >= 1 and <= MaxChunk)
                {
                    return given;
                }

                r.AddError($"--chunk（每个事务写入的案件数）的值“{text}”无效：须为 1 到 {MaxChunk} 之间的整数。");
                return LedgerImport.DefaultChunkSize;
            },
        };
        var command = new Command("import",
            "导入台账：每行成为一件申请的办理记录，经与在线登记相同的规则校验。默认任何一行有误则全部不导入；"
            + "重复导入不会重复写入，已有案件只追加新的办理环节。")
        {
            file, skipInvalid, rejects, chunk,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(skipInvalid) && r.GetValue(rejects) is null)
            {
                r.AddError("使用 --skip-invalid 时必须用 --rejects 指定无效行的输出文件。");
            }
        });
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UserError("FILE", $"文件“{path.FullName}”不存在。");
            }

            var keepValid = parse.GetValue(skipInvalid);
            // The plan keeps each row's key, not its milestones: they are read again from the file as they are written,
            // so an import of any size runs in the memory of one chunk.
            var options = new LedgerImportOptions
            {
                FileName = path.Name,
                KeepValidRows = keepValid,
                Policy = session.Policy,
                KeepCases = false,
            };
            LedgerImportPlan plan;
            await using (var stream = path.OpenRead())
            {
                plan = await ProgressReporter.RunAsync("读取并校验台账", session.Output, progress =>
                    Task.FromResult(LedgerImporter.Plan(stream, options with
                    {
                        Progress = new Progress<int>(rows => progress.Report(new ReplayProgress(rows, Math.Max(rows, 1)))),
                    })));
            }

            foreach (var warning in plan.Warnings)
            {
                await session.Error.WriteLineAsync($"提示：{warning}");
            }

            if (!plan.IsValid && (!keepValid || plan.FileProblems.Count > 0 || plan.RejectedCount > plan.Rejected.Count))
            {
                await PrintProblemsAsync(session.Error, plan.Errors.ToList(), plan.ProblemCount);
                await session.Error.WriteLineAsync(plan.RejectedCount > plan.Rejected.Count
                    ? $"台账有 {plan.RejectedCount:N0} 行无效（只保留了前 {plan.Rejected.Count:N0} 行的原因），未导入任何内容。"
                        + "这么多行无效通常是整列的问题（列名、日期格式、选项文字），请先改正后重新导入。"
                    : "台账有误，未导入任何内容。改正后重新导入，或用 --skip-invalid --rejects 文件 只导入有效行。");
                return 1;
            }

            if (keepValid && parse.GetValue(rejects) is { } rejectsFile)
            {
                await using var output = rejectsFile.Create();
                LedgerRejects.WriteCsv(output, plan, (path.OpenRead, options));
            }

            var import = session.Services.GetRequiredService<LedgerImport>();
            import.ChunkSize = parse.GetValue(chunk);
            LedgerImportResult result;
            try
            {
                result = await ProgressReporter.RunAsync("写入案件", session.Output,
                    progress => import.WriteAsync(plan, path.OpenRead, options, $"import:{Environment.UserName}", progress, token));
            }
            catch (LedgerChangedException changed)
            {
                throw new UserError("FILE", changed.Message);
            }

            await ProgressReporter.RunAsync("更新读模型", session.Output, p => session.Services.GetRequiredService<ReadModelSet>().CatchUpAsync(p, token));
            foreach (var run in result.Interrupted)
            {
                var cutShort = $"上次导入“{run.File}”（{run.StartedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 开始）中途中断，"
                    + $"中断前已写入 {run.CasesWritten}/{run.Cases} 件";
                await session.Error.WriteLineAsync(run.File == path.Name && result.Problems.Count == 0
                    ? $"{cutShort}；本次导入同一文件，已将其补全（已写入的不重复写入）。"
                    : $"注意：{cutShort}，尚未补全：请重新导入该文件（已写入的不会重复写入）。");
            }

            if (result.Problems.Count > 0)
            {
                await PrintProblemsAsync(session.Error, result.Problems, result.Problems.Count);
                await session.Error.WriteLineAsync(
                    result.EventsWritten == 0 ? "台账与已有记录矛盾，未导入任何内容。" : "部分行未导入，见上。");
                return 1;
            }

            await session.Output.WriteLineAsync(
                $"导入完成：新建 {result.CasesCreated} 件，追加办理环节 {result.CasesExtended} 件，"
                + $"共写入 {result.EventsWritten} 个事件；无效 {plan.RejectedCount} 行。");
            foreach (var (leniency, rows) in plan.Leniencies)
            {
                await session.Output.WriteLineAsync($"从宽处理：{leniency}，{rows} 行。");
            }

            if (result.AgenciesRegistered.Count > 0)
            {
                await session.Output.WriteLineAsync(
                    $"新登记机关（暂列为顶层，可用 casetracker agencies import 调整上级）："
                        + $"{string.Join("、", result.AgenciesRegistered)}");
            }

            return 0;
        }, ct));
        return command;
    }

    public static Command Export()
    {
        var agency = CliOptions.Agency(required: false);
        var status = new Option<StatusFilter>("--status")
        {
            Description = "open（未办结）、closed（已办结）或 all",
            DefaultValueFactory = _ => StatusFilter.All,
        };
        var overdue = new Option<bool>("--overdue") { Description = "只导出已超期的案件" };
        var asOf = CliOptions.AsOf();
        var output = CliOptions.Output();
        var command = new Command("export",
            "导出台账：台账各列，另加 状态、答复期限、剩余工作日、是否超期、期限是否暂定。"
                + "输出类型由扩展名决定：.csv .xlsx .json")
        {
            agency, CliOptions.IncludeSubordinates, status, overdue, asOf, output,
        };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var file = parse.GetValue(output)!;
            var write = file.Extension.ToLowerInvariant() switch
            {
                ".csv" => (Action<Stream, IEnumerable<LedgerExportRow>>)CaseTracker.Ledger.Export.LedgerExport.WriteCsv,
                ".xlsx" => CaseTracker.Ledger.Export.LedgerExport.WriteXlsx,
                ".json" => CaseTracker.Ledger.Export.LedgerExport.WriteJson,
                _ => throw new UserError("--output", $"不支持的输出文件类型“{file.Extension}”：应为 .csv、.xlsx 或 .json。"),
            };
            var filter = new CaseFilter(parse.GetValue(agency), parse.GetValue(CliOptions.IncludeSubordinates), parse.GetValue(status),
                parse.GetValue(overdue), parse.GetValue(asOf) ?? session.Today);
            var rows = new List<LedgerExportRow>();
            await foreach (var row in session.Services.GetRequiredService<LedgerExportQuery>().RowsAsync(filter, token))
            {
                rows.Add(row);
            }

            var temporary = file.FullName + ".tmp";
            await using (var stream = File.Create(temporary))
            {
                write(stream, rows);
            }

            File.Move(temporary, file.FullName, overwrite: true);
            await session.Output.WriteLineAsync($"已导出 {rows.Count} 件申请：{file.FullName}");
            return 0;
        }, ct));
        return command;
    }

    /// <param name="total">All the problems found, of which <paramref name="problems"/> are the ones kept.</param>
    private static async Task PrintProblemsAsync(TextWriter error, IReadOnlyList<LedgerProblem> problems, int total)
    {
        foreach (var problem in problems.Take(ProblemsShown))
        {
            await error.WriteLineAsync(problem.ToString());
        }

        var shown = Math.Min(problems.Count, ProblemsShown);
        if (Math.Max(total, problems.Count) > shown)
        {
            await error.WriteLineAsync($"……另有 {Math.Max(total, problems.Count) - shown:N0} 个问题未列出。");
        }
    }
}

using System.CommandLine;
using CaseTracker.Cli;
using CaseTracker.Ledger.Reading;
using CaseTracker.Pipeline;

namespace CaseTracker.Agencies;

public static class AgencyVerbs
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV 或 XLSX 文件，列：名称、上级机关（顶层机关的上级机关留空）" };
        var import = new Command("import",
            "导入机关及其上级机关（如区政府及其部门、街道）。已登记的机关按文件更新其上级机关。") { file };
        import.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var agencies = AgencyFile.Read(parse.GetValue(file)!);
            await session.Services.GetRequiredService<AgencyDirectory>().SaveAsync(agencies, "cli", token);
            await session.Output.WriteLineAsync($"已导入 {agencies.Count} 个机关。");
            return 0;
        }, ct));

        var list = new Command("list", "列出已登记的机关，按上下级缩进。");
        list.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var all = await session.Services.GetRequiredService<AgencyDirectory>().ListAsync(token);
            var children = all.ToLookup(a => a.Parent);
            void Print(string? parent, int depth)
            {
                foreach (var agency in children[parent].OrderBy(a => a.Name, StringComparer.Ordinal))
                {
                    session.Output.WriteLine(new string(' ', depth * 2) + agency.Name);
                    Print(agency.Name, depth + 1);
                }
            }

            Print(null, 0);
            if (all.Count == 0)
            {
                await session.Output.WriteLineAsync(
                    "尚未登记任何机关。可用 casetracker agencies import 文件 导入，或导入台账时自动登记。");
            }

            return 0;
        }, ct));
        var agencyName = new Argument<string>("NAME") { Description = "机关名称" };
        var code = new Option<string?>("--code") { Description = "机关代码（编号规则中的 {机关代码}）；空字符串清除" };
        var pattern = new Option<string?>("--pattern") { Description = "编号规则，如 {年}-{机关代码}-{序号:4}；空字符串清除" };
        var numbering = new Command("numbering",
            "设置机关的机关代码和编号规则：登记新申请时按规则建议下一个编号（承办人可修改）。")
        {
            agencyName, code, pattern,
        };
        numbering.SetAction((parse, ct) => CliSession.RunAsync(parse, async (session, token) =>
        {
            var directory = session.Services.GetRequiredService<AgencyDirectory>();
            var name = parse.GetValue(agencyName)!;
            var current = (await directory.ListAsync(token)).FirstOrDefault(a => a.Name == name.Trim());
            var agency = await directory.SetNumberingAsync(
                name, parse.GetValue(code) ?? current?.Code, parse.GetValue(pattern) ?? current?.NumberPattern, "cli", token);
            await session.Output.WriteLineAsync(
                $"{agency.Name}：机关代码 {agency.Code ?? "（无）"}，编号规则 {agency.NumberPattern ?? "（无）"}");
            return 0;
        }, ct));
        return new Command("agencies", "管理机关及其上下级关系（全区汇总报告按此汇总）和编号规则") { import, list, numbering };
    }
}

/// <summary>An agencies file: columns 名称 and 上级机关, CSV or XLSX, read like a ledger.</summary>
public static class AgencyFile
{
    public static IReadOnlyList<Agency> Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new UserError("FILE", $"文件“{file.FullName}”不存在。");
        }

        var format = file.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? LedgerFormat.Xlsx : LedgerFormat.Csv;
        using var stream = new MemoryStream();
        using (var input = file.OpenRead())
        {
            input.CopyTo(stream);
        }

        stream.Position = 0;
        List<RawRow> rows;
        try
        {
            rows = LedgerSource.Rows(stream, format, 1000).Where(r => !r.IsBlank).ToList();
        }
        catch (LedgerReadException e)
        {
            throw new UserError("FILE", e.Problem.ToString());
        }

        if (rows.Count == 0)
        {
            throw new UserError("FILE", "文件为空：第一行应为表头“名称,上级机关”。");
        }

        var header = rows[0].Cells.Select(c => c.Text.Trim()).ToList();
        var name = header.IndexOf("名称");
        var parent = header.IndexOf("上级机关");
        if (name < 0 || parent < 0)
        {
            throw new UserError("表头", $"缺少必需的列“{(name < 0 ? "名称" : "上级机关")}”：表头应为“名称,上级机关”。");
        }

        var agencies = new List<Agency>();
        foreach (var row in rows.Skip(1))
        {
            string Cell(int i) => i < row.Cells.Count ? row.Cells[i].Text.Trim() : "";
            if (Cell(name).Length == 0)
            {
                throw new UserError("名称", $"第{row.Number}行：名称不能为空。");
            }

            if (agencies.Any(a => a.Name == Cell(name)))
            {
                throw new UserError("名称", $"第{row.Number}行：机关“{Cell(name)}”重复出现。");
            }

            if (Cell(parent) == Cell(name))
            {
                throw new UserError("上级机关", $"第{row.Number}行：机关不能是自己的上级机关。");
            }

            agencies.Add(new Agency(Cell(name), Cell(parent).Length == 0 ? null : Cell(parent)));
        }

        return agencies;
    }
}

using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Proactive;

/// <summary>
/// Year-on-year continuity of section 二 (domain.md §3): 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数.
/// Format 2019 (our reading of the same principle): 对外公开总数量 = last year's + 本年新公开数量, and each
/// 上一年项目数量 = last year's 上一年项目数量 + last year's 本年增/减. Across a change of format nothing is compared.
/// </summary>
public static class ProactiveContinuity
{
    public static IReadOnlyList<string> Check(ProactiveDisclosure thisYear, ProactiveDisclosure lastYear)
    {
        ArgumentNullException.ThrowIfNull(thisYear);
        ArgumentNullException.ThrowIfNull(lastYear);
        if (thisYear.Format != lastYear.Format)
        {
            return [];
        }

        var problems = new List<string>();
        if (thisYear.Format == ReportFormat.Format2021)
        {
            foreach (var row in thisYear.Table(ProactiveLayout.Item1)?.Rows ?? [])
            {
                var previous = lastYear.Value(ProactiveLayout.Item1, row.Label, "现行有效件数");
                if (previous is { } p && p + row.Values[0] - row.Values[1] != row.Values[2])
                {
                    problems.Add($"第二部分{ProactiveLayout.Item1}“{row.Label}”·现行有效件数："
                        + $"上年{p}+本年制发{row.Values[0]}−本年废止{row.Values[1]}={p + row.Values[0] - row.Values[1]}，本年填报{row.Values[2]}，前后年度不衔接");
                }
            }
        }
        else if (thisYear.Format == ReportFormat.Format2019)
        {
            foreach (var row in thisYear.Table(ProactiveLayout.Item1)?.Rows ?? [])
            {
                var previous = lastYear.Value(ProactiveLayout.Item1, row.Label, "对外公开总数量");
                if (previous is { } p && p + row.Values[1] != row.Values[2])
                {
                    problems.Add($"第二部分{ProactiveLayout.Item1}“{row.Label}”·对外公开总数量："
                        + $"上年{p}+本年新公开{row.Values[1]}={p + row.Values[1]}，本年填报{row.Values[2]}，前后年度不衔接");
                }
            }

            foreach (var table in thisYear.Tables.Where(t => t.ColumnIndex(ProactiveLayout.Change) == 1))
            {
                foreach (var row in table.Rows)
                {
                    var count = lastYear.Value(table.Caption, row.Label, "上一年项目数量");
                    var change = lastYear.Value(table.Caption, row.Label, ProactiveLayout.Change);
                    if (count is { } c && change is { } d && c + d != row.Values[0])
                    {
                        problems.Add($"第二部分{table.Caption}“{row.Label}”·上一年项目数量：上年报告{c}{d:+0;−0;+0}={c + d}，本年填报{row.Values[0]}，前后年度不衔接");
                    }
                }
            }
        }

        return problems;
    }
}

using CaseTracker.Reporting.Proactive;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Validation;

/// <summary>
/// Checks any report (produced, imported or typed in): each row adds across to 总计; （七）总计 is the sum of 三's
/// rows; 一+二 = 三（七）+四 in every column; each group of section 四 adds up to its 总计; and, given last year's
/// report, this year's 二 equals last year's 四 and section 二 continues from last year's.
/// </summary>
public static class TableValidator
{
    public static IReadOnlyList<TableProblem> Validate(AnnualReport report, AnnualReport? lastYear = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var problems = new List<TableProblem>();
        var layout = Section3Layout.For(report.Format);
        var rows = layout.Select(spec => (spec, row: report.Section3.Row(spec.Code))).ToList();
        foreach (var (spec, _) in rows.Where(r => r.row is null || r.row.Values.Length != ApplicantColumns.Labels.Count))
        {
            problems.Add(new(TableProblem.Missing, $"{CellNames.Row(spec)}：缺少该行或该行不是{ApplicantColumns.Labels.Count}栏"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        foreach (var (spec, row) in rows)
        {
            CheckRow(spec, row!, problems);
        }

        for (var c = 0; c < ApplicantColumns.Labels.Count; c++)
        {
            CheckColumn(report, layout, c, problems);
        }

        CheckAppeals(report.Section4, problems);
        if (lastYear is not null)
        {
            CheckAgainstLastYear(report, lastYear, layout, problems);
        }

        return problems;
    }

    private static void CheckRow(RowSpec spec, Section3Row row, List<TableProblem> problems)
    {
        for (var c = 0; c < row.Values.Length; c++)
        {
            if (row[c] < 0)
            {
                problems.Add(new(TableProblem.Negative, $"{CellNames.Cell(spec, c)}：数值为{row[c]}，不能为负数"));
            }
        }

        var sum = row.Values.Take(ApplicantColumns.TypeCount).Sum();
        if (sum != row[ApplicantColumns.TotalIndex])
        {
            problems.Add(new(TableProblem.RowSum,
                $"{CellNames.Cell(spec, ApplicantColumns.TotalIndex)}：各类申请人之和={sum}，总计={row[ApplicantColumns.TotalIndex]}，横向合计不平"));
        }
    }

    private static void CheckColumn(AnnualReport report, IReadOnlyList<RowSpec> layout, int c, List<TableProblem> problems)
    {
        var t = report.Section3;
        var total = layout.Single(s => s.Role == RowRole.Total);
        var results = layout.Where(s => s.Role == RowRole.Outcome).Sum(s => t.Value(s.Code, c));
        if (results != t.Value("total", c))
        {
            problems.Add(new(TableProblem.ResultsTotal, $"{CellNames.Cell(total, c)}：第三项各办理结果之和={results}，{total.Path[^1]}={t.Value("total", c)}，纵向合计不平"));
        }

        var channels = layout.Where(s => s.Role == RowRole.Channel).ToList();
        if (channels.Count > 0 && channels.Sum(s => t.Value(s.Code, c)) is var byChannel && byChannel != t.Value("received", c))
        {
            var received = layout.Single(s => s.Role == RowRole.Received);
            problems.Add(new(TableProblem.Channels, $"{CellNames.Cell(received, c)}：各申请方式之和={byChannel}，本年新收={t.Value("received", c)}，不一致"));
        }

        var left = t.Value("received", c) + t.Value("carried_in", c);
        var right = t.Value("total", c) + t.Value("carried_out", c);
        if (left != right)
        {
            var carriedOut = layout.Single(s => s.Role == RowRole.CarriedOut);
            problems.Add(new(TableProblem.Identity, $"{CellNames.Cell(carriedOut, c)}：一+二={left}，三（七）+四={right}，勾稽关系不平"));
        }
    }

    private static void CheckAppeals(Section4Table section4, List<TableProblem> problems)
    {
        for (var g = 0; g < section4.Groups.Count; g++)
        {
            var values = section4.Groups[g].Values;
            for (var c = 0; c < values.Count; c++)
            {
                if (values[c] < 0)
                {
                    problems.Add(new(TableProblem.Negative, $"{CellNames.Appeal(g)}·{Section4Layout.Columns[c]}：数值为{values[c]}，不能为负数"));
                }
            }

            var sum = values.Take(4).Sum();
            if (sum != values[4])
            {
                problems.Add(new(TableProblem.AppealTotal, $"{CellNames.Appeal(g)}：结果维持+结果纠正+其他结果+尚未审结={sum}，总计={values[4]}，合计不平"));
            }
        }
    }

    private static void CheckAgainstLastYear(AnnualReport report, AnnualReport lastYear, IReadOnlyList<RowSpec> layout, List<TableProblem> problems)
    {
        var carriedIn = layout.Single(s => s.Role == RowRole.CarriedIn);
        if (lastYear.Year != report.Year - 1)
        {
            problems.Add(new(TableProblem.CarriedIn, $"{CellNames.Row(carriedIn)}：用于核对的上年报告是{lastYear.Year}年的，不是{report.Year - 1}年的"));
            return;
        }

        for (var c = 0; c < ApplicantColumns.Labels.Count; c++)
        {
            var now = report.Section3.Value("carried_in", c);
            var before = lastYear.Section3.Value("carried_out", c);
            if (now != before)
            {
                problems.Add(new(TableProblem.CarriedIn, $"{CellNames.Cell(carriedIn, c)}：本年={now}，{lastYear.Year}年第四项“结转下年度继续办理”={before}，上下年度不衔接"));
            }
        }

        if (report.Section2 is { } now2 && lastYear.Section2 is { } before2)
        {
            problems.AddRange(ProactiveContinuity.Check(now2, before2).Select(m => new TableProblem(TableProblem.Proactive, m)));
        }
    }
}

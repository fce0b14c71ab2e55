using System.Globalization;
using CaseTracker.Reporting.Tables;

namespace CaseTracker.Reporting.Rendering;

/// <summary>The sentences of an annual report whose numbers come from the tables, for a writer to finish.</summary>
public static class ReportNarrative
{
    /// <summary>Requests received, carried in, closed by result and carried forward; and the change on last year when given.</summary>
    public static string Requests(AnnualReport report, AnnualReport? lastYear = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var results = report.Section3.Rows
            .Where(r => r.Code is not ("received" or "carried_in" or "total" or "carried_out") && !r.Code.StartsWith("channel.", StringComparison.Ordinal))
            .GroupBy(r => ResultName(r.Label.Split('/')[1]))
            .Select(g => $"{g.Key}{g.Sum(r => r.Values[ApplicantColumns.TotalIndex])}件");
        var text = $"{report.Year}年，{report.Agency}共新收政府信息公开申请{report.Received()}件，上年结转{report.CarriedIn()}件；"
            + $"办结{report.Closed()}件，其中{string.Join('，', results)}；结转下年度继续办理{report.CarriedOut()}件。";
        return lastYear is null ? text : text + Change(report.Received(), lastYear.Received());
    }

    /// <summary>Reconsiderations and lawsuits filed in the year (section 四).</summary>
    public static string Appeals(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Section4;
        var lawsuits = s.DirectLawsuit.Total + s.LawsuitAfterReconsideration.Total;
        return $"本年因政府信息公开引发行政复议{s.Reconsideration.Total}件（结果维持{s.Reconsideration.Upheld}件、结果纠正{s.Reconsideration.Corrected}件、"
            + $"其他结果{s.Reconsideration.Other}件、尚未审结{s.Reconsideration.Pending}件），"
            + $"行政诉讼{lawsuits}件（未经复议直接起诉{s.DirectLawsuit.Total}件、复议后起诉{s.LawsuitAfterReconsideration.Total}件）。";
    }

    private static string Change(int now, int before)
    {
        var difference = now - before;
        if (difference == 0)
        {
            return $"新收申请数量与上年（{before}件）持平。";
        }

        var direction = difference > 0 ? ("增加", "增长") : ("减少", "下降");
        var percent = before == 0 ? "" : $"，{direction.Item2}{(Math.Abs(difference) * 100m / before).ToString("0.00", CultureInfo.InvariantCulture)}%";
        return $"新收申请数量比上年（{before}件）{direction.Item1}{Math.Abs(difference)}件{percent}。";
    }

    /// <summary>"（二）部分公开（区分处理的…）" → "部分公开"; a pre-2019 category stays as it is.</summary>
    private static string ResultName(string label)
    {
        var name = label.StartsWith('（') && label.IndexOf('）', StringComparison.Ordinal) is var close and > 0 ? label[(close + 1)..] : label;
        var paren = name.IndexOf('（', StringComparison.Ordinal);
        return paren > 0 ? name[..paren] : name;
    }
}

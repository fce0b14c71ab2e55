using CaseTracker.Domain.Clock;
using static CaseTracker.Web.Html.Html;

namespace CaseTracker.Deadlines;

/// <summary>What the statutory clock says of the case today, as the caseworker reads it.</summary>
public static class DeadlinePanel
{
    public static string PauseLabel(PauseReason reason) => reason switch
    {
        PauseReason.Supplement => "等待补正",
        PauseReason.ThirdPartyConsultation => "征求第三方意见",
        PauseReason.OtherAgencyConsultation => "征求其他机关意见",
        _ => "等待缴费",
    };

    public static string Render(ClockReading r, bool supplementRequested)
    {
        var rows = new List<(string, string)> { ("状态", $"<strong class=\"status-{r.Status.ToString().ToLowerInvariant()}\">{E(r.StatusLabel)}</strong>") };
        if (r.PausedFor.Count > 0)
        {
            rows.Add(("暂停原因", E(string.Join("、", r.PausedFor.Select(PauseLabel)))));
        }

        rows.Add(("答复期限", r.Deadline is { } d ? E(Date(d)) + (r.Provisional ? " <span class=\"tag\">暂定</span>" : "") : r.Status == CaseStatus.Paused ? "暂停计时中" : "—"));
        if (r.Status != CaseStatus.Closed && r.WorkingDaysLeft is { } left)
        {
            rows.Add(("剩余工作日", r.Overdue ? $"<strong class=\"overdue\">已超期 {-left} 个工作日</strong>" : E(left)));
        }

        rows.Add(("超期", r.Overdue || r.ClosedLate ? "<strong class=\"overdue\">是</strong>" : "否"));
        if (r.PausedWorkingDays > 0)
        {
            rows.Add(("已暂停工作日", E(r.PausedWorkingDays)));
        }

        if (r.SupplementNoticeDue is { } notice && (r.Status != CaseStatus.Closed && !supplementRequested || r.SupplementNoticeLate))
        {
            rows.Add(("补正告知期限（条例第三十条）", E(Date(notice)) + (r.SupplementNoticeLate ? " <span class=\"tag\">告知逾期</span>" : "")));
        }

        rows.AddRange(r.ConsultationsDue.Select(c => ($"征求意见答复期限：{c.Party}", E(Date(c.ReplyDue)) + (c.Provisional ? " <span class=\"tag\">暂定</span>" : ""))));
        if (r.FeePaymentDue is { } fee)
        {
            rows.Add(("缴费期限", E(Date(fee))));
        }

        if (r.ReconsiderationWindowEnds is { } rec)
        {
            rows.Add(("申请行政复议期限", E(Date(rec))));
        }

        if (r.LawsuitWindowEnds is { } suit)
        {
            rows.Add(("提起行政诉讼期限", E(Date(suit))));
        }

        return $"<section class=\"deadline\" id=\"deadline\"><h2>期限（截至 {E(Date(r.AsOf))}）</h2><dl>"
            + string.Concat(rows.Select(x => $"<dt>{E(x.Item1)}</dt><dd>{x.Item2}</dd>")) + "</dl></section>";
    }
}

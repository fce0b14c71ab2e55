using System.Globalization;
using CaseTracker.Cases.Forms;
using CaseTracker.Deadlines;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Clock;
using CaseTracker.Pipeline;
using CaseTracker.Web.Auth;
using static CaseTracker.Web.Html.Html;

namespace CaseTracker.Cases;

/// <summary>The case page: header, deadline panel, timeline, and a form for every milestone and correction.</summary>
public static class CasePage
{
    public static string Render(HttpContext context, CaseFile file, WebUser user, Access access, CasePolicy policy, DateOnly today,
        string? openForm = null, IReadOnlyDictionary<string, string?>? values = null)
    {
        var receipt = file.State.Receipt!;
        var reading = StatutoryClock.Read(file.State, today, policy.Calendar, policy.Settings);
        var header = new List<(string, string)>
        {
            ("申请编号", receipt.CaseNumber), ("办理机关", receipt.Agency), ("收到申请日期", Date(receipt.On)),
            ("申请方式", receipt.Channel.Label()), ("申请人类型", receipt.ApplicantType.Label()),
        };
        if (access.SeesPersonalData(user.Role, receipt.Agency) && receipt.Applicant is { } p)
        {
            header.AddRange([("申请人", p.Name), ("证件号码", p.IdNumber ?? "—"), ("联系电话", p.Phone ?? "—"), ("通信地址", p.Address ?? "—")]);
        }

        header.AddRange([("申请内容", receipt.Description), ("获取方式", receipt.RequestedForm.Length > 0 ? receipt.RequestedForm : "—"), ("版本", file.Version.ToString(CultureInfo.InvariantCulture))]);
        var summary = "<section class=\"case-header\"><dl>" + string.Concat(header.Select(h => $"<dt>{E(h.Item1)}</dt><dd>{E(h.Item2)}</dd>")) + "</dl></section>";
        return "<div class=\"case-top\">" + summary + DeadlinePanel.Render(reading, file.State.Supplement is not null) + "</div>" + Timeline(file)
            + (access.CanRecord(receipt.Agency) ? Actions(context, file, today, openForm, values) : "<p class=\"muted\">您只能查看本案，不能登记办理环节。</p>");
    }

    private static string Timeline(CaseFile file) =>
        "<section id=\"timeline\"><h2>办理过程</h2>" + Table(["#", "业务日期", "环节", "内容", "记录时间", "记录人"],
            file.Events.Select(e => (IReadOnlyList<string>)
            [
                E(e.StreamVersion), E(Date(e.BusinessDate)), E(EventText.Title(e.Event)), E(EventText.Detail(e.Event)),
                E(e.RecordedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)), E(e.Actor),
            ]), "timeline") + "</section>";

    private static string Actions(HttpContext context, CaseFile file, DateOnly today, string? openForm, IReadOnlyDictionary<string, string?>? values)
    {
        var closed = file.State.IsClosed;
        var forms = MilestoneForms.All.Where(f => !closed || f.IsAppeal || f.IsCorrection).Select(f =>
        {
            var formId = $"form-{f.Kind}";
            var fields = string.Concat(f.Fields.Select(field => FieldHtml.Render(field, formId, file.State, f.Kind == openForm ? values : null, today)));
            var body = $"<input type=\"hidden\" name=\"version\" value=\"{E(file.Version)}\">{fields}<button type=\"submit\">登记</button>";
            return $"<details id=\"{E(formId)}\"{(f.Kind == openForm ? " open" : "")}><summary>{E(f.Label)}</summary>"
                + Form(context, $"/cases/{file.CaseId}/milestones/{f.Kind}", body) + "</details>";
        });
        return "<section id=\"actions\" class=\"no-print\"><h2>登记办理环节</h2>" + string.Concat(forms) + "</section>";
    }
}

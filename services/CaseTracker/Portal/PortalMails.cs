using CaseTracker.Mail;

namespace CaseTracker.Portal;

/// <summary>The applicant's e-mails. Each id is derived from its cause, so a retried step never mails twice.</summary>
public static class PortalMails
{
    private const string Footer = "\n\n查询办理进度：请打开本系统的“查询申请”页面（/track），输入查询码和联系电话后四位。\n本邮件由系统自动发送，请勿直接回复。";

    public static OutgoingMail Submitted(PortalRequest r) => new(
        $"portal.submitted/{r.QueryCode}", "portal.submitted", r.Application.Email,
        $"政府信息公开申请已提交（查询码 {QueryCode.Display(r.QueryCode)}）",
        $"{r.Application.Name}：\n\n您向{r.Agency}提交的政府信息公开申请已收到，查询码：{QueryCode.Display(r.QueryCode)}\n请妥善保存查询码。\n\n"
        + "接下来：工作人员将核对申请内容并确认（签收）。根据《政府信息公开条例》第三十一条第三项，通过互联网提交的申请以双方确认之日为收到申请之日，"
        + "答复期限自该日起计算（第三十三条：20 个工作日，经批准可延长不超过 20 个工作日）。确认后我们会再发邮件告知收到申请日期和答复期限。" + Footer);

    public static OutgoingMail Confirmed(PortalRequest r, DateOnly? deadline) => new(
        $"portal.confirmed/{r.QueryCode}", "portal.confirmed", r.Application.Email,
        $"政府信息公开申请已签收（查询码 {QueryCode.Display(r.QueryCode)}）",
        $"{r.Application.Name}：\n\n{r.Agency}已确认收到您的政府信息公开申请。\n收到申请日期：{r.ReceivedOn:yyyy-MM-dd}\n"
        + $"答复期限：{(deadline is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—")}\n申请编号：{r.CaseNumber}" + Footer);

    public static OutgoingMail Forwarded(PortalRequest r, string from, string text, int step) => new(
        $"portal.forwarded/{r.QueryCode}/{step}", "portal.forwarded", r.Application.Email,
        $"政府信息公开申请已转办（查询码 {QueryCode.Display(r.QueryCode)}）",
        $"{r.Application.Name}：\n\n{text}\n原受理机关：{from}\n现受理机关：{r.Agency}" + Footer);

    public static OutgoingMail NotARequest(PortalRequest r) => new(
        $"portal.answered/{r.QueryCode}", "portal.not-a-request", r.Application.Email,
        $"关于您提交的申请的答复（查询码 {QueryCode.Display(r.QueryCode)}）",
        $"{r.Application.Name}：\n\n{r.Steps[^1].Text}" + Footer);
}

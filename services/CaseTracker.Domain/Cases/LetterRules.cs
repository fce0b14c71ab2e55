using System.Text.RegularExpressions;
using static CaseTracker.Domain.Cases.CaseEvent;

namespace CaseTracker.Domain.Cases;

/// <summary>What issuing a letter (文书) and recording its delivery (送达) must satisfy.</summary>
internal static partial class LetterRules
{
    public static void Check(CaseEvent e, CaseState s)
    {
        switch (e)
        {
            case LetterIssued l:
                var due = LettersDue.Of(s).FirstOrDefault(d => d.Kind == l.Kind && d.Subject == l.Subject)
                    ?? throw CaseRules.Refuse("letter.not_called_for", $"本案没有需要{l.Kind.Label()}的办理环节，不能签发{l.Kind.Label()}。");
                var issued = s.Letters.FirstOrDefault(x => x.Kind == l.Kind && x.Subject == l.Subject);
                CaseRules.Require(issued is null, "letter.already_issued",
                    $"本案的{l.Kind.Label()}已于{issued?.IssuedOn:yyyy-MM-dd}签发（文号 {issued?.Number}），重新打印不另编文号。");
                CaseRules.Require(s.Letters.All(x => x.LetterId != l.LetterId), "letter.duplicate_id", $"文书“{l.LetterId}”已登记。");
                CaseRules.Require(l.On >= due.Since, "letter.before_milestone",
                    $"{l.Kind.Label()}的签发日期{l.On:yyyy-MM-dd}早于其所依据的办理环节日期{due.Since:yyyy-MM-dd}。");
                CaseRules.Require(l.Number.Length > 0 && l.Sequence > 0 && l.Year == l.On.Year, "letter.number", "文号无效：须按签发年度编号。");
                CaseRules.Require(l.TemplateVersion > 0 && Sha256().IsMatch(l.ContentHash), "letter.content", "文书缺少模板版本或内容摘要。");
                break;
            case LetterDelivered d:
                var letter = s.Letters.FirstOrDefault(x => x.LetterId == d.LetterId)
                    ?? throw CaseRules.Refuse("delivery.unknown_letter", $"本案没有文书“{d.LetterId}”，不能登记送达。");
                CaseRules.Require(letter.Delivery is null, "delivery.once",
                    $"{letter.Kind.Label()}（{letter.Number}）已于{letter.Delivery?.On:yyyy-MM-dd}送达，不能重复登记。");
                CaseRules.Require(d.On >= letter.IssuedOn, "delivery.before_issue",
                    $"送达日期{d.On:yyyy-MM-dd}早于{letter.Kind.Label()}的签发日期{letter.IssuedOn:yyyy-MM-dd}。");
                CheckMethod(d);
                break;
        }
    }

    private static void CheckMethod(LetterDelivered d)
    {
        switch (d.Method)
        {
            case DeliveryMethod.InPerson:
                CaseRules.Require(d.Detail.Length > 0, "delivery.signed_required", "当面送达须由受送达人签收，请填写签收情况（如“申请人本人签收”）。");
                break;
            case DeliveryMethod.Post:
                CaseRules.Require(Ems().IsMatch(d.Detail), "delivery.ems_number",
                    $"邮寄送达须填写EMS邮件号（13位数字，或2位字母+9位数字+2位字母，如EA123456789CN），“{d.Detail}”无效。");
                break;
            case DeliveryMethod.Electronic:
                CaseRules.Require(d.Detail.Length > 0, "delivery.channel_required", "电子送达须写明送达渠道（电子邮件或门户网站）。");
                CaseRules.Require(d.At is { } at && DateOnly.FromDateTime(at.DateTime) == d.On, "delivery.time_required",
                    "电子送达须填写送达时间，且送达时间应在送达日期当天。");
                break;
            default:
                throw CaseRules.Refuse("delivery.method", "送达方式无效：应为当面送达、邮寄送达或电子送达。");
        }
    }

    [GeneratedRegex("^(?:[0-9]{13}|[A-Z]{2}[0-9]{9}[A-Z]{2})$")]
    private static partial Regex Ems();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}

using System.Globalization;
using CaseTracker.Domain.Cases;
using CaseTracker.Pipeline;
using CaseTracker.Web.Forms;

namespace CaseTracker.Letters;

/// <summary>The delivery form (and API body): 送达方式, its detail, the date and for 电子 the time (Beijing time).</summary>
public static class LetterForms
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static CaseCommand.RecordDelivery Delivery(FormValues form, string letterId)
    {
        var method = form.Choice("method", "送达方式", LetterSlugs.Methods);
        var detail = method switch
        {
            DeliveryMethod.InPerson => form.Text("detail", "签收情况", 200),
            DeliveryMethod.Post => form.Text("detail", "EMS邮件号", 40).ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal),
            _ => form.Text("detail", "送达渠道", 200),
        };
        var on = form.Date("on", "送达日期");
        DateTimeOffset? at = null;
        if (form.Optional("at", "送达时间", 40) is { } time)
        {
            at = DateTime.TryParseExact(time, ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local)
                ? new DateTimeOffset(local, Beijing)
                : throw new UserError("at", $"送达时间“{time}”无效，应为 yyyy-MM-dd HH:mm（北京时间）。");
        }

        return new CaseCommand.RecordDelivery(letterId, method, detail, at, on);
    }
}

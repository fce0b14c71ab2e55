using System.Globalization;
using CaseTracker.Composition;
using CaseTracker.Pipeline;
using MailKit.Security;

namespace CaseTracker.Mail;

/// <summary>
/// Where mail goes, from the <c>CASETRACKER_SMTP_*</c> settings. No host: mail is off — the product works, the outbox
/// keeps what would have been sent (state <c>off</c>) and the pages say that no e-mail is sent.
/// </summary>
public sealed record MailSettings(
    string? Host, int Port, SecureSocketOptions Tls, string From, string? User, string? Password, TimeSpan RetryBase, int MaxAttempts = 12)
{
    public bool IsOn => !string.IsNullOrWhiteSpace(Host);

    public static MailSettings Of(CaseTrackerOptions options)
    {
        var tls = (options.SmtpTls ?? "auto").Trim().ToLowerInvariant() switch
        {
            "" or "auto" => SecureSocketOptions.Auto,
            "none" or "off" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
            var other => throw new UserError("CASETRACKER_SMTP_TLS", $"CASETRACKER_SMTP_TLS 的值“{other}”无效：应为 none、starttls、ssl 或 auto。"),
        };
        var port = options.SmtpPort is { Length: > 0 } p
            ? int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 65536
                ? n
                : throw new UserError("CASETRACKER_SMTP_PORT", $"CASETRACKER_SMTP_PORT 的值“{p}”无效：应为 1–65535 的端口号。")
            : tls == SecureSocketOptions.SslOnConnect ? 465 : 25;
        var retry = options.SmtpRetrySeconds is { Length: > 0 } r
            ? double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : throw new UserError("CASETRACKER_SMTP_RETRY_SECONDS", $"CASETRACKER_SMTP_RETRY_SECONDS 的值“{r}”无效：应为正数（秒）。")
            : TimeSpan.FromSeconds(30);
        var host = string.IsNullOrWhiteSpace(options.SmtpHost) ? null : options.SmtpHost.Trim();
        return new MailSettings(host, port, tls, options.SmtpFrom?.Trim() is { Length: > 0 } from ? from : "casetracker@localhost",
            options.SmtpUser, options.SmtpPassword, retry);
    }

    /// <summary>The delay before attempt <paramref name="attempts"/> + 1: the base doubled per failure, at most an hour.</summary>
    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, RetryBase.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));
}

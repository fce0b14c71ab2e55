namespace CaseTracker.Mail;

/// <summary>
/// One message for the outbox. <paramref name="Id"/> is the idempotency key: enqueueing the same id again changes nothing
/// and the message is sent once (derive it from what causes the mail, e.g. <c>portal.submitted/{queryCode}</c> or
/// <c>digest/{user}/{date}</c>). It is also the Message-ID's local part, so a receiver can drop a duplicate.
/// </summary>
/// <param name="Kind">What the mail is about (shown to administrators), e.g. <c>portal.submitted</c>.</param>
public sealed record OutgoingMail(string Id, string Kind, string To, string Subject, string Body);

/// <summary>A row of the outbox as administrators see it.</summary>
public sealed record OutboxEntry(
    string Id, string Kind, string To, string Subject, string Body, string State, int Attempts, DateTimeOffset NextAttemptAt,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt)
{
    public string StateLabel => State switch
    {
        MailStates.Pending => "待发送",
        MailStates.Sending => "发送中",
        MailStates.Sent => "已发送",
        MailStates.Failed => "发送失败",
        MailStates.Off => "未发送（邮件未开启）",
        _ => State,
    };
}

public static class MailStates
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Off = "off";
}

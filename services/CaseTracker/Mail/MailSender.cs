using MailKit.Net.Smtp;
using MimeKit;

namespace CaseTracker.Mail;

/// <summary>
/// Sends the outbox through SMTP (MailKit): due messages are leased one by one (a row another sender leased is skipped,
/// so two hosts on one PostgreSQL database do not send a message twice), sent, and marked sent; a failure schedules the
/// next attempt with backoff. A crash between the server's acceptance and the mark leaves the lease to expire and the
/// message is offered again with the same Message-ID (at-least-once is all SMTP allows; receivers drop the duplicate).
/// </summary>
public sealed class MailSender(MailOutbox outbox, ILogger<MailSender> log, Web.Resilience.StoreOutage outage) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private int _unreachable;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!outbox.IsOn)
        {
            log.LogInformation("Mail is off: CASETRACKER_SMTP_HOST is not set");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
                if (_unreachable > 0)
                {
                    // The server did not answer: wait as the backoff says before trying the queue again.
                    await Task.Delay(outbox.Settings.Backoff(_unreachable), stoppingToken);
                    continue;
                }

                await outbox.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (Web.Resilience.StoreOutage.IsOutage(e))
            {
                outage.Report(e, "mail outbox");
                await Task.Delay(Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Mail outbox: a round failed; trying again");
                await Task.Delay(Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One round: every due message once. Returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var due = await outbox.DueAsync(50, ct);
        if (due.Count == 0)
        {
            return 0;
        }

        using var client = new SmtpClient();
        var sent = 0;
        foreach (var id in due)
        {
            if (await outbox.LeaseAsync(id, Lease, ct) is not { } entry)
            {
                continue;
            }

            try
            {
                await EnsureConnectedAsync(client, ct);
                await client.SendAsync(Message(entry), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await outbox.MarkFailedAttemptAsync(entry, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
                log.LogWarning("Mail {Id} not sent (attempt {Attempt}): {Error}", entry.Id, entry.Attempts, e.Message);
                if (client.IsConnected)
                {
                    continue;
                }

                _unreachable++;
                break;
            }

            _unreachable = 0;
            await outbox.MarkSentAsync(entry.Id, CancellationToken.None);
            log.LogInformation("Mail {Id} sent ({Kind})", entry.Id, entry.Kind);
            sent++;
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(true, CancellationToken.None);
        }

        return sent;
    }

    private async Task EnsureConnectedAsync(SmtpClient client, CancellationToken ct)
    {
        if (client.IsConnected)
        {
            return;
        }

        var settings = outbox.Settings;
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Tls, ct);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
        }
    }

    private MimeMessage Message(OutboxEntry entry)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(outbox.Settings.From));
        message.To.Add(MailboxAddress.Parse(entry.To));
        message.Subject = entry.Subject;
        message.MessageId = $"{MessageIdPart(entry.Id)}@casetracker";
        message.Date = entry.CreatedAt;
        message.Body = new TextPart("plain") { Text = entry.Body };
        return message;
    }

    private static string MessageIdPart(string id) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)))[..32];
}

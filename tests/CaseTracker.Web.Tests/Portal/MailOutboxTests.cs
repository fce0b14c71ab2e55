using System.Net;
using CaseTracker.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace CaseTracker.Web.Tests.Portal;

/// <summary>The mail outbox against a real SMTP server started by the test run (SQLite; <see cref="PostgresMailOutboxTests"/> on PostgreSQL).</summary>
[Collection(PortalCollection.Name)]
public class MailOutboxTests(PortalFixture host)
{
    private MailOutbox Outbox => host.Services.GetRequiredService<MailOutbox>();

    [Fact]
    public async Task Every_message_arrives_with_its_recipient_subject_and_text_and_an_id_enqueued_twice_is_sent_once()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var first = new OutgoingMail($"test/{tag}/1", "test", $"zhang.{tag}@example.cn", "您的申请已提交", $"查询码：ABC-{tag}\n请妥善保存。");
        var second = new OutgoingMail($"test/{tag}/2", "test", $"li.{tag}@example.cn", "申请已签收", "收到申请日期：2026-11-30");

        Assert.True(await Outbox.EnqueueAsync(first));
        Assert.True(await Outbox.EnqueueAsync(second));
        Assert.False(await Outbox.EnqueueAsync(first with { Subject = "改过的主题" }));

        var toZhang = Assert.Single(await host.Smtp.WaitForAsync(m => m.To.Contains($"zhang.{tag}@example.cn")));
        Assert.Equal("gongkai@test.gov.cn", toZhang.From);
        Assert.Equal("您的申请已提交", toZhang.Subject);
        Assert.Equal($"查询码：ABC-{tag}\n请妥善保存。", toZhang.Text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
        var toLi = Assert.Single(await host.Smtp.WaitForAsync(m => m.To.Contains($"li.{tag}@example.cn")));
        Assert.Equal(["li." + tag + "@example.cn"], toLi.To);
        Assert.Equal("申请已签收", toLi.Subject);
        Assert.Contains("收到申请日期：2026-11-30", toLi.Text, StringComparison.Ordinal);
        Assert.NotEqual(toZhang.MessageId, toLi.MessageId);

        await Task.Delay(1500);
        Assert.Single(host.Smtp.Received, m => m.To.Contains($"zhang.{tag}@example.cn"));
        var entry = await Outbox.GetAsync(first.Id);
        Assert.Equal(MailStates.Sent, entry!.State);
        Assert.Equal("您的申请已提交", entry.Subject);
        Assert.Equal(1, entry.Attempts);
        Assert.NotNull(entry.SentAt);
    }

    [Fact]
    public async Task Mail_enqueued_while_the_server_is_down_is_retried_and_delivered_once_when_it_returns()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var mail = new OutgoingMail($"test/{tag}/down", "test", $"wang.{tag}@example.cn", "服务器停机期间的邮件", "正文");
        await host.Smtp.StopAsync();
        try
        {
            await Outbox.EnqueueAsync(mail);
            // An attempt counts when the sender leases the message (state "sending"), so wait for a moment between
            // attempts: two have been made and failed, and the message waits for the next one.
            var entry = await Eventually.ReturnsAsync(
                () => Outbox.GetAsync(mail.Id),
                e => e is { Attempts: >= 2, State: MailStates.Pending },
                "two failed attempts while the server is down", TimeSpan.FromSeconds(30));

            Assert.NotNull(entry!.LastError);
            Assert.Null(entry.SentAt);
        }
        finally
        {
            await host.Smtp.StartAsync();
        }

        Assert.Single(await host.Smtp.WaitForAsync(m => m.To.Contains($"wang.{tag}@example.cn")));
        await Task.Delay(2000);
        Assert.Single(host.Smtp.Received, m => m.To.Contains($"wang.{tag}@example.cn"));
        var sent = await Outbox.GetAsync(mail.Id);
        Assert.Equal(MailStates.Sent, sent!.State);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task Administrators_see_the_outbox_and_others_may_not()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await Outbox.EnqueueAsync(new OutgoingMail($"test/{tag}/admin", "test", $"zhao.{tag}@example.cn", $"管理页可见 {tag}", "正文"));
        await host.Smtp.WaitForAsync(m => m.To.Contains($"zhao.{tag}@example.cn"));

        var page = await host.Api("admin").GetStringAsync("/admin/mail");
        Assert.Contains("邮件已开启", page, StringComparison.Ordinal);
        Assert.Contains($"管理页可见 {tag}", page, StringComparison.Ordinal);
        Assert.Contains($"zhao.{tag}@example.cn", page, StringComparison.Ordinal);

        var caseworker = await host.Api("cw-edu").GetAsync("/admin/mail");
        Assert.Equal(HttpStatusCode.Forbidden, caseworker.StatusCode);
    }
}

[Collection(PostgresPortalCollection.Name)]
public sealed class PostgresMailOutboxTests(PostgresPortalFixture host) : MailOutboxTests(host);

/// <summary>Without CASETRACKER_SMTP_HOST the product works and says mail is off; nothing is sent.</summary>
[Collection(HostCollection.Name)]
public sealed class MailOffTests(HostFixture host)
{
    [Fact]
    public async Task Without_SMTP_settings_mail_is_off_and_kept_unsent()
    {
        var outbox = host.Services.GetRequiredService<MailOutbox>();
        Assert.False(outbox.IsOn);
        var id = $"test/{Guid.NewGuid():N}/off";
        Assert.True(await outbox.EnqueueAsync(new OutgoingMail(id, "test", "nobody@example.cn", "不会发送", "正文")));
        await Task.Delay(1200);
        Assert.Equal(MailStates.Off, (await outbox.GetAsync(id))!.State);
        Assert.Contains("邮件未开启", await host.Api("admin").GetStringAsync("/admin/mail"), StringComparison.Ordinal);
    }
}

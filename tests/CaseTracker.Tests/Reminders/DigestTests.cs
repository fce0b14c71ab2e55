using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Sql;
using CaseTracker.Mail;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.Reminders;
using CaseTracker.Testing;
using CaseTracker.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseTracker.Tests.Reminders;

/// <summary>
/// The morning digest for fixed dates through the real command line (SQLite here; <see cref="Postgres.PostgresDigestTests"/>):
/// a working day, a holiday (2025-10-01, 国庆) and a make-up Saturday (2025-10-11), each recipient's content checked.
/// Deadlines worked by hand with the built-in calendar (day 1 = the first working day after receipt).
/// </summary>
public class DigestTests : IDisposable
{
    private const string District = "区政府";
    private const string Education = "区教育局";
    private const string Health = "区卫健委";
    private readonly TempFolder _folder = new();

    protected virtual Task<string> NewStoreAsync() => Task.FromResult("sqlite:" + _folder.File("store.db"));

    [Fact]
    public async Task A_working_day_gives_each_caseworker_and_supervisor_their_lists()
    {
        var cli = await SeedAsync();
        var output = (await cli.SucceedAsync("digest", "--as-of", "2025-09-01", "--dry-run")).Output;

        Assert.Equal(
            """
            → liming（站内通知）
            2025-09-01 办理提醒：今日到期 1 件，征求意见答复将到期 1 件
            【今日到期】
              JY-3（区教育局） 2025-09-01 答复期限
            【征求意见答复将到期】
              JY-4（区教育局） 2025-09-16 某公司答复期限

            → wangfang <wangfang@example.gov.cn>（站内通知）
            2025-09-01 办理提醒：已超期 1 件，待发补正告知 1 件
            【已超期】
              JY-1（区教育局） 2025-08-29 答复期限
            【待发补正告知】
              JY-2（区教育局） 2025-09-09 补正告知最迟

            → zhaojian（站内通知）
            2025-09-01 办理提醒：已超期 2 件，今日到期 1 件
            【已超期】
              WJ-1（区卫健委） 2025-08-28 答复期限
              JY-1（区教育局） 2025-08-29 答复期限
            【今日到期】
              JY-3（区教育局） 2025-09-01 答复期限

            试运行：2025-09-01 将提醒 3 人（未写入）。
            """.ReplaceLineEndings("\n"), output.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public async Task A_disabled_account_receives_no_digest()
    {
        var cli = await SeedAsync();
        await cli.SucceedAsync("users", "disable", "wangfang");

        var output = (await cli.SucceedAsync("digest", "--as-of", "2025-09-01", "--dry-run")).Output;

        Assert.DoesNotContain("wangfang", output, StringComparison.Ordinal);
        Assert.Contains("→ liming（站内通知）", output, StringComparison.Ordinal);
        Assert.Contains("试运行：2025-09-01 将提醒 2 人（未写入）。", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_holiday_gives_no_digest_and_a_make_up_Saturday_does()
    {
        var cli = await SeedAsync();
        Assert.Equal("2025-10-01 不是工作日（按工作日历），不发送提醒。", (await cli.SucceedAsync("digest", "--as-of", "2025-10-01", "--dry-run")).Output.Trim());
        Assert.Contains("2025-10-04 不是工作日", (await cli.SucceedAsync("digest", "--as-of", "2025-10-04", "--dry-run")).Output);

        var output = (await cli.SucceedAsync("digest", "--as-of", "2025-10-11", "--dry-run")).Output.ReplaceLineEndings("\n");
        Assert.Contains(
            """
            → wangfang <wangfang@example.gov.cn>（站内通知）
            2025-10-11 办理提醒：已超期 2 件
            【已超期】
              JY-1（区教育局） 2025-08-29 答复期限
              JY-2（区教育局） 2025-09-26 答复期限
            """, output);
        Assert.Contains(
            """
            → zhaojian（站内通知）
            2025-10-11 办理提醒：已超期 4 件
            【已超期】
              WJ-1（区卫健委） 2025-08-28 答复期限
              JY-1（区教育局） 2025-08-29 答复期限
              JY-3（区教育局） 2025-09-01 答复期限
              JY-2（区教育局） 2025-09-26 答复期限
            """, output);
        Assert.EndsWith("试运行：2025-10-11 将提醒 3 人（未写入）。", output.TrimEnd());
    }

    [Fact]
    public async Task A_day_is_notified_once_and_a_missed_run_catches_up_once_the_same_day()
    {
        var cli = await SeedAsync();
        Assert.Contains("2025-09-01 已提醒 3 人", (await cli.SucceedAsync("digest", "--as-of", "2025-09-01")).Output);
        Assert.Contains("2025-09-01 已提醒 0 人", (await cli.SucceedAsync("digest", "--as-of", "2025-09-01")).Output);

        var services = new ServiceCollection().AddLogging(l => l.ClearProviders())
            .AddCaseTracker(CaseTrackerConfiguration.FromEnvironment(cli.Store)).BuildServiceProvider();
        await using (services)
        {
            await services.OpenCaseTrackerAsync(default);
            await using var scope = services.CreateAsyncScope();
            var run = scope.ServiceProvider.GetRequiredService<DigestRun>();
            var notes = await run.NotificationsAsync("wangfang", default);
            Assert.Equal([new DateOnly(2025, 9, 1)], notes.Select(n => n.Date));
            Assert.Equal("2025-09-01 办理提醒：已超期 1 件，待发补正告知 1 件", notes[0].Title);

            // 09-01 ran; 09-02 08:00 Shanghai is 00:00 UTC. Before the hour nothing; a host started at 10:30 runs once.
            Assert.Null(await run.DueAsync(new DateTimeOffset(2025, 9, 1, 3, 0, 0, TimeSpan.Zero), 8, default));
            Assert.Null(await run.DueAsync(new DateTimeOffset(2025, 9, 1, 23, 30, 0, TimeSpan.Zero), 8, default));
            Assert.Equal(new DateOnly(2025, 9, 2), await run.DueAsync(new DateTimeOffset(2025, 9, 2, 2, 30, 0, TimeSpan.Zero), 8, default));
            await run.DeliverAsync(new DateOnly(2025, 9, 2), default);
            Assert.Null(await run.DueAsync(new DateTimeOffset(2025, 9, 2, 9, 0, 0, TimeSpan.Zero), 8, default));
            Assert.Null(await run.DueAsync(new DateTimeOffset(2025, 10, 1, 2, 0, 0, TimeSpan.Zero), 8, default));
            Assert.Equal(new DateOnly(2025, 10, 11), await run.DueAsync(new DateTimeOffset(2025, 10, 11, 1, 0, 0, TimeSpan.Zero), 8, default));
        }
    }

    [Fact]
    public async Task Digests_go_out_by_e_mail_through_a_real_SMTP_server_on_working_days_only()
    {
        var cli = await SeedAsync();
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CASETRACKER_STORE"] = cli.Store,
            ["CASETRACKER_SMTP_HOST"] = smtp.Host,
            ["CASETRACKER_SMTP_PORT"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CASETRACKER_SMTP_TLS"] = "none",
            ["CASETRACKER_SMTP_FROM"] = "gongkai@test.gov.cn",
            ["CASETRACKER_SMTP_RETRY_SECONDS"] = "0.2",
        }).Build();
        var services = new ServiceCollection().AddLogging(l => l.ClearProviders()).AddCaseTracker(configuration).AddCaseTrackerMailSender()
            .BuildServiceProvider();
        await using (services)
        {
            await services.OpenCaseTrackerAsync(default);
            var sender = services.GetRequiredService<MailSender>();
            await sender.StartAsync(default);
            try
            {
                await using var scope = services.CreateAsyncScope();
                var run = scope.ServiceProvider.GetRequiredService<DigestRun>();
                await run.DeliverAsync(new DateOnly(2025, 9, 1), default);
                await run.DeliverAsync(new DateOnly(2025, 10, 1), default);
                await run.DeliverAsync(new DateOnly(2025, 10, 11), default);
                await run.DeliverAsync(new DateOnly(2025, 9, 1), default);

                var mails = await smtp.WaitForAsync(m => m.To.Contains("wangfang@example.gov.cn"), count: 2);
                Assert.Equal(["2025-09-01 办理提醒：已超期 1 件，待发补正告知 1 件", "2025-10-11 办理提醒：已超期 2 件"],
                    mails.Select(m => m.Subject).Order(StringComparer.Ordinal));
                var september = mails.Single(m => m.Subject.StartsWith("2025-09-01", StringComparison.Ordinal));
                Assert.Equal("gongkai@test.gov.cn", september.From);
                Assert.Equal(
                    """
                    2025-09-01 办理提醒：已超期 1 件，待发补正告知 1 件
                    【已超期】
                      JY-1（区教育局） 2025-08-29 答复期限
                    【待发补正告知】
                      JY-2（区教育局） 2025-09-09 补正告知最迟
                    """.ReplaceLineEndings("\n"), september.Text.ReplaceLineEndings("\n").TrimEnd('\n'));
                await Task.Delay(1500);
                // Only wangfang gave an address; a day is mailed once; nothing for the holiday.
                Assert.Equal(2, smtp.Received.Count);
            }
            finally
            {
                await sender.StopAsync(default);
            }
        }
    }

    private async Task<CliRunner> SeedAsync()
    {
        var location = await NewStoreAsync();
        await using (var store = await StoreLocation.Parse(location)!.OpenAsync(TimeProvider.System, default))
        {
            var documents = new DocumentStore(store, TimeProvider.System);
            var agencies = new AgencyDirectory(documents);
            await agencies.SaveAsync([new Agency(District, null), new Agency(Education, District), new Agency(Health, District)], "test", default);
            var users = new UserDirectory(documents, agencies, new SignInThrottle(TimeProvider.System));
            await users.CreateAsync("wangfang", Role.Caseworker, Education, "password-123456", "test", default);
            await users.CreateAsync("liming", Role.Caseworker, Education, "password-123456", "test", default);
            await users.CreateAsync("chenjing", Role.Caseworker, Health, "password-123456", "test", default);
            await users.CreateAsync("zhaojian", Role.Supervisor, District, "password-123456", "test", default);
            await users.CreateAsync("admin2", Role.Administrator, null, "password-123456", "test", default);
            await documents.PutAsync(DigestSettings.Collection, "wangfang", new DigestSettings(Email: "wangfang@example.gov.cn"), "test");
            await documents.PutAsync(DigestSettings.Collection, "liming",
                new DigestSettings(Within: 15, Lists: [DigestList.DueToday, DigestList.ThirdPartyReplies]), "test");
            await documents.PutAsync(DigestSettings.Collection, "zhaojian", new DigestSettings(Lists: [DigestList.Overdue, DigestList.DueToday]), "test");

            // JY-1 received Fri 08-01: day 1 = 08-04, day 20 = 08-29. JY-2 received Fri 08-29: due 09-26; its supplement
            // notice may go out until the 7th working day, 09-09. JY-3 received Mon 08-04: due 09-01. JY-4: the third party
            // received the letter Tue 08-26; its 15 working days end 09-16. WJ-1 received Thu 07-31: due 08-28.
            var jy4 = Receipt(Education, "JY-4", "2025-08-25");
            await AppendAsync(store,
                [Receipt(Education, "JY-1", "2025-08-01"), new CaseEvent.Assigned("wangfang", D("2025-08-01"))],
                [Receipt(Education, "JY-2", "2025-08-29"), new CaseEvent.Assigned("wangfang", D("2025-08-29"))],
                [Receipt(Education, "JY-3", "2025-08-04"), new CaseEvent.Assigned("liming", D("2025-08-04"))],
                [jy4, new CaseEvent.Assigned("liming", D("2025-08-25")),
                    new CaseEvent.ConsultationStarted("c1", ConsultationKind.ThirdParty, "某公司", D("2025-08-26"), D("2025-08-26"))],
                [Receipt(Health, "WJ-1", "2025-07-31")]);
            await store.LogShowsEverythingAsync();
            await new ReadModelSet(store, store, new PolicySource(CasePolicy.Default, documents)).CatchUpAsync(null, default);
        }

        return new CliRunner(location);
    }

    private static async Task AppendAsync(SqlEventStore store, params CaseEvent[][] cases)
    {
        var appends = cases.Select(events => new StreamAppend(CaseStreams.For(((CaseEvent.Received)events[0]).CaseId), ExpectedVersion.NoStream,
            events.Select(e => new NewEvent(Guid.NewGuid(), e, new EventMetadata("test", Guid.NewGuid()))).ToList())).ToList();
        Assert.IsType<AppendResult.Appended>(await store.AppendManyAsync(appends));
    }

    private static CaseEvent.Received Receipt(string agency, string number, string on) =>
        new(Guid.NewGuid(), agency, number, D(on), Channel.Online, ApplicantType.NaturalPerson,
            new PersonalData(Guid.NewGuid(), "某申请人", null, null, null), "请求公开某文件", "电子邮件");

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}

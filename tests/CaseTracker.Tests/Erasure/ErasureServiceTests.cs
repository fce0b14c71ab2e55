using CaseTracker.Agencies;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.Erasure;
using CaseTracker.EventStore;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseTracker.Tests.Erasure;

/// <summary>
/// 删除个人信息 through the product's own services on a real store: SQLite here, PostgreSQL in
/// <see cref="Postgres.PostgresErasureServiceTests"/>.
/// </summary>
public class ErasureServiceTests : IAsyncLifetime
{
    protected const string District = "区政府";
    protected const string Education = "区教育局";
    private const string ZhangId = "11010119900307123X";
    private static readonly Access EducationWorker = new(Role.Caseworker, new HashSet<string> { Education });
    private readonly TempFolder _folder = new();
    private ServiceProvider _services = null!;

    protected virtual Task<string> NewStoreAsync() => Task.FromResult("sqlite:" + _folder.File("store.db"));

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddCaseTracker(CaseTrackerConfiguration.FromEnvironment(await NewStoreAsync()))
            .BuildServiceProvider();
        await _services.OpenCaseTrackerAsync(default);
        await _services.GetRequiredService<AgencyDirectory>().SaveAsync([new Agency(District, null), new Agency(Education, District)], "test", default);
    }

    public virtual async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Erasing_one_case_records_the_event_destroys_the_key_and_the_search_forgets_the_case()
    {
        var zhang1 = Guid.NewGuid();
        var one = Receipt("JY-1", "2025-06-10", new PersonalData(zhang1, "张三", ZhangId, "13800138000", "某路 1 号"), "学校食堂食品安全抽检报告");
        var two = Receipt("JY-2", "2025-06-12", new PersonalData(Guid.NewGuid(), "张三", ZhangId, null, null), "学区划分方案");
        await WriteAsync([one], [two]);
        Assert.Equal(["JY-1", "JY-2"], await FindAsync("张三"));

        await using (var scope = _services.CreateAsyncScope())
        {
            var erased = await scope.ServiceProvider.GetRequiredService<PersonalDataEraser>()
                .EraseCaseAsync($" {Education} ", " JY-1 ", " 申请人要求删除 ", "admin", default);
            Assert.Equal(new ErasedCase(one.CaseId, Education, "JY-1", false), erased);
        }

        var store = _services.GetRequiredService<IEventStore>();
        var events = (await store.ReadStreamAsync(CaseStreams.For(one.CaseId))).Select(e => e.Event).ToList();
        var last = Assert.IsType<CaseEvent.PersonalDataErased>(events[^1]);
        Assert.Equal((zhang1, "申请人要求删除", "admin"), (last.SubjectId, last.Reason, last.By));
        // The key is gone: the stored event itself no longer opens.
        Assert.Equal(PersonalData.Erased(zhang1), ((CaseEvent.Received)events[0]).Applicant);
        Assert.Equal("（个人信息已删除）", ((CaseEvent.Received)events[0]).Applicant!.Name);
        Assert.Equal("张三", (await store.LoadCaseAsync(two.CaseId)).Receipt!.Applicant!.Name);

        // At once, before any projection ran, and again after the read models caught up and were rebuilt from the log.
        await AssertSearchForgetsAsync();
        await CatchUpAsync();
        await AssertSearchForgetsAsync();
        await _services.GetRequiredService<ReadModelSet>().RebuildAsync(null, default);
        await AssertSearchForgetsAsync();
        var row = Assert.Single(await _services.GetRequiredService<ErasureQueries>().ListAsync(null, 10, default));
        Assert.Equal((one.CaseId, Education, "JY-1", "申请人要求删除", "admin"), (row.CaseId, row.Agency, row.CaseNumber, row.Reason, row.By));

        async Task AssertSearchForgetsAsync()
        {
            Assert.Equal(["JY-2"], await FindAsync("张三"));
            Assert.Equal(["JY-2"], await FindAsync(ZhangId));
            Assert.Empty(await FindAsync("13800138000"));
            Assert.Empty(await FindAsync("食品安全"));
            Assert.Equal(["JY-2"], await FindAsync("学区划分"));
        }
    }

    [Fact]
    public async Task An_erasure_waits_for_the_read_models_so_a_case_received_a_moment_ago_is_not_missed()
    {
        var one = Receipt("JY-1", "2025-06-10", new PersonalData(Guid.NewGuid(), "张三", ZhangId, null, null), "学校食堂");
        await WriteAsync([one]);
        // Received a moment ago: in the log, not yet in the read models (the host's runners follow the log in the background).
        var two = Receipt("JY-2", "2025-07-01", new PersonalData(Guid.NewGuid(), "张三", ZhangId, null, null), "学区划分");
        var three = Receipt("JY-3", "2025-07-02", new PersonalData(Guid.NewGuid(), "李四", "110101198001011234", null, null), "校车");
        var store = _services.GetRequiredService<IEventStore>();
        var appends = new[] { two, three }.Select(r => new StreamAppend(CaseStreams.For(r.CaseId), ExpectedVersion.NoStream,
            [new NewEvent(Guid.NewGuid(), r, new EventMetadata("test", Guid.NewGuid()))])).ToList();
        Assert.IsType<AppendResult.Appended>(await store.AppendManyAsync(appends));
        await CaseTracker.Testing.LogVisibility.LogShowsEverythingAsync(store);

        // Two administrators at once, each in a request of its own.
        await using var scope = _services.CreateAsyncScope();
        await using var other = _services.CreateAsyncScope();
        var eraser = scope.ServiceProvider.GetRequiredService<PersonalDataEraser>();
        var hash = await eraser.IdHashAsync(ZhangId, default);
        var byApplicant = eraser.EraseApplicantAsync(hash, "申请人要求删除", "admin", default);
        var byNumber = other.ServiceProvider.GetRequiredService<PersonalDataEraser>().EraseCaseAsync(Education, "JY-3", "申请人要求删除", "admin", default);
        await Task.Delay(300);
        await _services.GetRequiredService<ReadModelSet>().CatchUpAsync(null, default);

        Assert.Equal(["JY-1", "JY-2"], (await byApplicant).Select(e => e.CaseNumber).Order());
        Assert.Equal((three.CaseId, false), ((await byNumber).CaseId, (await byNumber).AlreadyErased));
        foreach (var erased in new[] { one, two, three })
        {
            Assert.Equal("（个人信息已删除）", (await store.LoadCaseAsync(erased.CaseId)).Receipt!.Applicant!.Name);
        }
    }

    [Fact]
    public async Task Erasing_an_applicant_erases_every_case_with_that_ID_number_in_one_go_and_a_second_time_nothing_more()
    {
        var one = Receipt("JY-1", "2025-06-10", new PersonalData(Guid.NewGuid(), "张三", ZhangId, null, null), "学校食堂");
        var two = Receipt("JY-2", "2025-07-01", new PersonalData(Guid.NewGuid(), "张 三", "110101 19900307 123x", null, null), "学区划分");
        var other = Receipt("JY-3", "2025-07-02", new PersonalData(Guid.NewGuid(), "李四", "110101198001011234", null, null), "校车");
        await WriteAsync([one], [two], [other]);
        await using var scope = _services.CreateAsyncScope();
        var eraser = scope.ServiceProvider.GetRequiredService<PersonalDataEraser>();
        var hash = await eraser.IdHashAsync("11010119900307123x", default);

        var erased = await eraser.EraseApplicantAsync(hash, "申请人要求删除", "admin", default);

        Assert.Equal(["JY-1", "JY-2"], erased.Select(e => e.CaseNumber).Order());
        var store = _services.GetRequiredService<IEventStore>();
        Assert.Equal("（个人信息已删除）", (await store.LoadCaseAsync(one.CaseId)).Receipt!.Applicant!.Name);
        Assert.Equal("（个人信息已删除）", (await store.LoadCaseAsync(two.CaseId)).Receipt!.Applicant!.Name);
        Assert.Equal("李四", (await store.LoadCaseAsync(other.CaseId)).Receipt!.Applicant!.Name);
        Assert.Empty(await FindAsync(ZhangId));
        Assert.Equal(["JY-3"], await FindAsync("110101198001011234"));
        // The hashes went with the keys: the same applicant is no longer found, which the error names.
        var again = await Assert.ThrowsAsync<UserError>(() => eraser.EraseApplicantAsync(hash, "再次删除", "admin", default));
        Assert.Equal("applicant-id-hash", again.Field);
        // One case erased again records nothing.
        var once = await eraser.EraseCaseAsync(Education, "JY-1", "再次删除", "admin", default);
        Assert.True(once.AlreadyErased);
        Assert.Equal(2, (await store.ReadStreamAsync(CaseStreams.For(one.CaseId))).Count);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Chinese_naming_the_field_and_nothing_is_written()
    {
        await WriteAsync([Receipt("JY-1", "2025-06-10", new PersonalData(Guid.NewGuid(), "张三", ZhangId, null, null), "学校食堂")]);
        var store = _services.GetRequiredService<IEventStore>();
        var before = await store.CountAfterAsync(LogPosition.Start);
        await using var scope = _services.CreateAsyncScope();
        var eraser = scope.ServiceProvider.GetRequiredService<PersonalDataEraser>();
        var retention = scope.ServiceProvider.GetRequiredService<Retention>();

        Assert.Equal("number", (await Refused(() => eraser.EraseCaseAsync(Education, "JY-404", "理由", "admin", default))).Field);
        Assert.Equal("agency", (await Refused(() => eraser.EraseCaseAsync(" ", "JY-1", "理由", "admin", default))).Field);
        Assert.Equal("number", (await Refused(() => eraser.EraseCaseAsync(Education, null, "理由", "admin", default))).Field);
        Assert.Equal("reason", (await Refused(() => eraser.EraseCaseAsync(Education, "JY-1", "  ", "admin", default))).Field);
        Assert.Equal("applicant-id-hash", (await Refused(() => eraser.EraseApplicantAsync("abc", "理由", "admin", default))).Field);
        Assert.Equal("applicant-id-hash", (await Refused(() => eraser.EraseApplicantAsync(new string('0', 64), "理由", "admin", default))).Field);
        Assert.Equal("years", (await Refused(() => retention.SetAsync(Education, "0", "admin", default))).Field);
        Assert.Equal("years", (await Refused(() => retention.SetAsync(Education, "三", "admin", default))).Field);
        Assert.Equal("agency", (await Refused(() => retention.SetAsync("某局", "3", "admin", default))).Field);

        Assert.Equal(before, await store.CountAfterAsync(LogPosition.Start));
        Assert.Empty(await retention.RulesAsync(default));
        Assert.Equal(["JY-1"], await FindAsync("张三"));
    }

    [Fact]
    public async Task The_retention_rule_erases_the_cases_closed_its_years_before_and_the_run_is_reported()
    {
        // Rule: 3 years. Run as of 2025-03-05: cases closed on or before 2022-03-05 are due (closed before 2022-03-06).
        var closedEarlier = Closed("A", "2022-02-10", "2022-03-04");
        var closedOnTheDay = Closed("B", "2022-02-11", "2022-03-05");
        var closedDayAfter = Closed("C", "2022-02-12", "2022-03-06");
        var open = new CaseEvent[] { Receipt("D", "2021-05-06", Person("赵六"), "某文件") };
        var inCourt = Closed("E", "2021-01-04", "2021-02-01").Append(new CaseEvent.LawsuitFiled("l1", D("2021-03-01"), "区人民法院", false)).ToArray();
        await WriteAsync(closedEarlier, closedOnTheDay, closedDayAfter, open, inCourt);
        await using var scope = _services.CreateAsyncScope();
        var retention = scope.ServiceProvider.GetRequiredService<Retention>();
        Assert.Equal(3, (await retention.SetAsync(Education, " 3 ", "admin", default))!.Years);

        var run = await retention.RunAsync(D("2025-03-05"), "admin", scheduled: false, default);
        await CatchUpAsync();
        var again = await retention.RunAsync(D("2025-03-05"), "admin", scheduled: false, default);

        var item = Assert.Single(run.Items);
        Assert.Equal((Education, 3, D("2022-03-06")), (item.Agency, item.Years, item.ClosedBefore));
        Assert.Equal(["A", "B"], item.CaseNumbers);
        Assert.Equal(2, run.Total);
        Assert.Equal(0, again.Total);
        var store = _services.GetRequiredService<IEventStore>();
        foreach (var (events, erased) in new[] { (closedEarlier, true), (closedOnTheDay, true), (closedDayAfter, false), (open, false), (inCourt, false) })
        {
            var state = await store.LoadCaseAsync(((CaseEvent.Received)events[0]).CaseId);
            Assert.Equal(erased, state.Erasure is not null);
            Assert.Equal(erased, state.Receipt!.Applicant!.Name == "（个人信息已删除）");
        }

        var erasure = (await store.LoadCaseAsync(((CaseEvent.Received)closedEarlier[0]).CaseId)).Erasure!;
        Assert.Equal("保存期限届满：区教育局的申请人个人信息结案满 3 年删除", erasure.Reason);
        Assert.Equal(2, (await retention.RunsAsync(default)).Count);
        Assert.Equal(2, await _services.GetRequiredService<ErasureQueries>().CountAsync(default));
        // Removing the rule: the next run erases nothing.
        Assert.Null(await retention.SetAsync(Education, null, "admin", default));
        Assert.Empty((await retention.RunAsync(D("2030-01-01"), "admin", scheduled: false, default)).Items);
    }

    [Fact]
    public async Task The_schedule_runs_once_a_day_from_its_hour()
    {
        await using var scope = _services.CreateAsyncScope();
        var retention = scope.ServiceProvider.GetRequiredService<Retention>();
        // 2025-03-04 17:30 UTC is 2025-03-05 01:30 in Beijing: before the hour 2; 18:00 UTC is 02:00.
        Assert.Null(await RetentionWorker.DueAsync(retention, new DateTimeOffset(2025, 3, 4, 17, 30, 0, TimeSpan.Zero), 2, default));
        Assert.Equal(D("2025-03-05"), await RetentionWorker.DueAsync(retention, new DateTimeOffset(2025, 3, 4, 18, 0, 0, TimeSpan.Zero), 2, default));
        await retention.RunAsync(D("2025-03-05"), RetentionWorker.By, scheduled: true, default);
        Assert.Null(await RetentionWorker.DueAsync(retention, new DateTimeOffset(2025, 3, 5, 9, 0, 0, TimeSpan.Zero), 2, default));
        Assert.Equal(D("2025-03-06"), await RetentionWorker.DueAsync(retention, new DateTimeOffset(2025, 3, 5, 18, 0, 0, TimeSpan.Zero), 2, default));
        Assert.Null(RetentionWorker.Hour("off"));
        Assert.Equal(2, RetentionWorker.Hour(null));
        Assert.Equal(5, RetentionWorker.Hour("5"));
    }

    private static async Task<UserError> Refused(Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<UserError>(action);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
        Assert.StartsWith(error.Field, error.Message, StringComparison.Ordinal);
        return error;
    }

    private async Task<string[]> FindAsync(string q)
    {
        await using var scope = _services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<CaseSearch>();
        return (await search.PageAsync(new CaseFilter { Q = q, Sort = "number", Descending = false }, EducationWorker, D("2026-01-05"), default))
            .Items.Select(i => i.Row.CaseNumber).ToArray();
    }

    private async Task WriteAsync(params CaseEvent[][] cases)
    {
        var store = _services.GetRequiredService<IEventStore>();
        var appends = cases.Select(events => new StreamAppend(CaseStreams.For(((CaseEvent.Received)events[0]).CaseId), ExpectedVersion.NoStream,
            events.Select(e => new NewEvent(Guid.NewGuid(), e, new EventMetadata("test", Guid.NewGuid()))).ToList())).ToList();
        Assert.IsType<AppendResult.Appended>(await store.AppendManyAsync(appends));
        await CatchUpAsync();
    }

    private async Task CatchUpAsync()
    {
        await CaseTracker.Testing.LogVisibility.LogShowsEverythingAsync(_services.GetRequiredService<IEventStore>());
        await _services.GetRequiredService<ReadModelSet>().CatchUpAsync(null, default);
    }

    private static CaseEvent[] Closed(string number, string received, string closed) =>
        [Receipt(number, received, Person("某申请人" + number), "某文件"), new CaseEvent.Decided(D(closed), Outcome.DisclosedProvided, GroundList.None, "")];

    private static PersonalData Person(string name) => new(Guid.NewGuid(), name, null, null, null);

    private static CaseEvent.Received Receipt(string number, string on, PersonalData applicant, string description) =>
        new(Guid.NewGuid(), Education, number, D(on), Channel.Online, ApplicantType.NaturalPerson, applicant, description, "电子邮件");

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}

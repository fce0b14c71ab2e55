using CaseTracker.Agencies;
using CaseTracker.Calendar;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Sql;
using CaseTracker.Pipeline;
using CaseTracker.ReadModels;
using CaseTracker.Search;

namespace CaseTracker.Tests.Search;

/// <summary>The case list's search and filters in SQL, on SQLite here; <see cref="Postgres.PostgresCaseSearchTests"/> on PostgreSQL.</summary>
public class CaseSearchTests : IDisposable
{
    private const string District = "区政府";
    private const string Education = "区教育局";
    private const string Health = "区卫健委";
    private static readonly DateOnly Today = new(2025, 9, 1);
    private static readonly Access EducationWorker = new(Role.Caseworker, new HashSet<string> { Education });
    private static readonly Access HealthWorker = new(Role.Caseworker, new HashSet<string> { Health });
    private static readonly Access Supervisor = new(Role.Supervisor, new HashSet<string> { District, Education, Health });
    private readonly TempFolder _folder = new();

    protected virtual Task<string> NewStoreAsync() => Task.FromResult("sqlite:" + _folder.File("store.db"));

    [Fact]
    public async Task Names_ID_numbers_phones_and_description_words_find_the_right_cases_within_the_agency_scope()
    {
        await using var store = await OpenAsync();
        var zhang = Guid.NewGuid();
        var a = Receipt(Education, "JY-1", "2025-06-10", new PersonalData(zhang, "张三", "11010119900307123X", "13800138000", "某路 1 号"),
            "请求公开2023年度学校食堂食品安全抽检报告");
        var b = Receipt(Health, "WJ-1", "2025-06-11", new PersonalData(Guid.NewGuid(), "李四", "110101198001011234", null, null), "请求公开医院收费标准文件");
        var c = Receipt(Education, "JY-2", "2025-06-12", new PersonalData(Guid.NewGuid(), "王五", null, "01065123456", null), "学区划分方案及其依据");
        var d = Receipt(Health, "WJ-2", "2025-06-13", new PersonalData(Guid.NewGuid(), "张三", null, null, null), "公开某医院的食品安全抽检结果");
        var search = await WriteAsync(store, [a], [b], [c], [d]);

        Assert.Equal(["JY-1"], await FindAsync(search, EducationWorker, "张三"));
        Assert.Equal(["JY-1"], await FindAsync(search, EducationWorker, "110101 19900307 123x"));
        Assert.Equal(["JY-1"], await FindAsync(search, EducationWorker, "+86 138-0013-8000"));
        Assert.Equal(["JY-2"], await FindAsync(search, EducationWorker, "（010）6512 3456"));
        Assert.Equal(["JY-1"], await FindAsync(search, EducationWorker, "食品安全"));
        Assert.Equal(["JY-2"], await FindAsync(search, EducationWorker, "学区"));
        Assert.Equal(["JY-2"], await FindAsync(search, EducationWorker, "jy-2"));
        Assert.Empty(await FindAsync(search, EducationWorker, "张"));
        Assert.Empty(await FindAsync(search, EducationWorker, "李四"));
        Assert.Empty(await FindAsync(search, EducationWorker, "WJ-1"));
        Assert.Empty(await FindAsync(search, EducationWorker, "收费标准"));
        Assert.Empty(await FindAsync(search, HealthWorker, "11010119900307123X"));
        Assert.Equal(["WJ-2"], await FindAsync(search, HealthWorker, "张三"));
        Assert.Equal(["JY-1", "WJ-2"], await FindAsync(search, Supervisor, "张三"));
        Assert.Equal(["JY-1", "WJ-2"], await FindAsync(search, Supervisor, "食品安全抽检"));
        // An administrator does not see personal data, so the name does not search for them; the description does.
        Assert.Empty(await FindAsync(search, Access.System, "张三"));
        Assert.Equal(["JY-1", "WJ-2"], await FindAsync(search, Access.System, "食品安全"));
    }

    [Fact]
    public async Task After_erasure_the_name_ID_number_and_phone_no_longer_find_the_case_even_after_a_rebuild()
    {
        await using var store = await OpenAsync();
        var zhang = Guid.NewGuid();
        var a = Receipt(Education, "JY-1", "2025-06-10", new PersonalData(zhang, "张三", "11010119900307123X", "13800138000", null), "学校食堂食品安全抽检报告");
        var search = await WriteAsync(store, [a]);
        Assert.Equal(["JY-1"], await FindAsync(search, EducationWorker, "张三"));

        Assert.True(await store.ErasePersonalDataAsync(zhang));

        Assert.Empty(await FindAsync(search, EducationWorker, "张三"));
        Assert.Empty(await FindAsync(search, EducationWorker, "11010119900307123X"));
        Assert.Empty(await FindAsync(search, EducationWorker, "13800138000"));
        Assert.Equal(["JY-1"], await FindAsync(search, EducationWorker, "食品安全"));
        await ReadModels(store).RebuildAsync(null, default);
        Assert.Empty(await FindAsync(search, EducationWorker, "张三"));
        Assert.Equal(["JY-1"], await FindAsync(search, EducationWorker, "食品安全"));
    }

    [Fact]
    public async Task Filters_combine()
    {
        await using var store = await OpenAsync();
        var decided = new CaseEvent.Decided(D("2025-06-20"), Outcome.DisclosedProvided, GroundList.None, "");
        var search = await WriteAsync(store,
            [Receipt(Education, "1", "2025-06-10", channel: Channel.Online), Assign("王芳", "2025-06-10")],
            [Receipt(Education, "2", "2025-08-29", channel: Channel.Online), Assign("王芳", "2025-08-29")],
            [Receipt(Education, "3", "2025-06-11", channel: Channel.Post), Assign("李明", "2025-06-11")],
            [Receipt(Education, "4", "2025-06-12", channel: Channel.Online), Assign("王芳", "2025-06-12"), decided],
            [Receipt(Health, "5", "2025-06-13", channel: Channel.Online)]);

        async Task<string[]> Numbers(string query)
        {
            var parts = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
            var filter = CaseFilter.Parse(k => parts.GetValueOrDefault(k)) with { Sort = "number", Descending = false };
            return (await search.PageAsync(filter, Access.System, Today, default)).Items.Select(i => i.Row.CaseNumber).ToArray();
        }

        Assert.Equal(["1", "2"], await Numbers("status=open&channel=Online&assignee=王芳"));
        Assert.Equal(["1"], await Numbers("status=open&channel=Online&assignee=王芳&overdue=1"));
        Assert.Equal(["1", "3"], await Numbers($"agency={Education}&overdue=1"));
        Assert.Equal(["1"], await Numbers($"agency={Education}&overdue=1&channel=Online"));
        Assert.Equal(["3", "4", "5"], await Numbers("from=2025-06-11&to=2025-06-13"));
        Assert.Equal(["3", "5"], await Numbers("from=2025-06-11&to=2025-06-13&status=open"));
        Assert.Equal(["5"], await Numbers("from=2025-06-11&to=2025-06-13&status=open&assignee=-"));
        Assert.Equal(["4"], await Numbers("outcome=DisclosedProvided"));
        // Case 2 (received Fri 2025-08-29) is due 2025-09-26, the 20th working day; 5 working days from 09-01 reach 09-08 only.
        Assert.Equal(["2"], await Numbers("due=20"));
        Assert.Empty(await Numbers("due=5"));
        var two = (await search.PageAsync(CaseFilter.Parse(k => k == "q" ? "2" : null) with { Sort = "number", Descending = false },
            Access.System, Today, default)).Items.Single(i => i.Row.CaseNumber == "2");
        Assert.Equal(19, two.DaysLeft);
        Assert.Equal("王芳", two.Assignee);
        var one = (await search.PageAsync(CaseFilter.Parse(k => k == "q" ? "1" : null), Access.System, Today, default)).Items
            .Single(i => i.Row.CaseNumber == "1");
        Assert.True(one.Overdue);
        Assert.Equal("status", UserError(() => CaseFilter.Parse(k => k == "status" ? "later" : null)));
        Assert.Equal("from", UserError(() => CaseFilter.Parse(k => k switch { "from" => "2025-07-01", "to" => "2025-06-01", _ => null })));
    }

    [Fact]
    public async Task Paging_over_ten_thousand_cases_returns_each_case_once_by_cursor_and_by_page_number()
    {
        await using var store = await OpenAsync();
        var streams = new List<CaseEvent[]>();
        for (var i = 0; i < 10_000; i++)
        {
            // Few distinct dates and agencies, so most sort keys tie and the tie-break decides.
            streams.Add([Receipt(i % 2 == 0 ? Education : Health, $"N-{i:D5}", $"2025-06-{10 + (i % 5):D2}")]);
        }

        var search = await WriteAsync(store, [.. streams]);
        foreach (var (sort, descending) in new[] { ("received", true), ("agency", false) })
        {
            var filter = new CaseFilter { Sort = sort, Descending = descending, Size = 500 };
            var seen = new List<Guid>();
            var page = await search.PageAsync(filter, Supervisor, Today, default);
            Assert.Equal(10_000, page.Total);
            seen.AddRange(page.Items.Select(i => i.Row.CaseId));
            while (page.NextCursor is { } next)
            {
                page = await search.PageAsync(filter with { Cursor = next }, Supervisor, Today, default);
                seen.AddRange(page.Items.Select(i => i.Row.CaseId));
            }

            Assert.Equal(10_000, seen.Count);
            Assert.Equal(10_000, seen.Distinct().Count());
        }

        var byNumber = new List<string>();
        for (var p = 1; p <= 21; p++)
        {
            var page = await search.PageAsync(new CaseFilter { Sort = "deadline", Descending = false, Size = 499, Page = p }, Access.System, Today, default);
            Assert.Equal(10_000, page.Total);
            byNumber.AddRange(page.Items.Select(i => i.Row.CaseNumber));
        }

        Assert.Equal(10_000, byNumber.Distinct().Count());
        Assert.Equal(5_000, (await search.PageAsync(new CaseFilter { Agency = Education, Size = 1 }, Supervisor, Today, default)).Total);
    }

    [Fact]
    public async Task The_dashboard_counts_every_overdue_case_and_lists_the_500_most_urgent_within_the_scope()
    {
        await using var store = await OpenAsync();
        var streams = new List<CaseEvent[]>();
        for (var i = 0; i < 600; i++)
        {
            // Four a day from 2 January to 1 June 2025: long overdue on 1 September, deadlines in the order of i.
            streams.Add([Receipt(Education, $"JY-{i:D4}", new DateOnly(2025, 1, 2).AddDays(i / 4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]);
        }

        for (var i = 0; i < 50; i++)
        {
            streams.Add([Receipt(Health, $"WJ-{i:D4}", "2025-03-03")]);
        }

        await WriteAsync(store, [.. streams]);
        var documents = new DocumentStore(store, TimeProvider.System);
        var dashboard = new Deadlines.DashboardQuery(new ReadModels.CaseList.CaseListQueries(store), new AgencyDirectory(documents), CasePolicy.Default,
            new ReadModelCache(store));

        var education = await dashboard.RunAsync(EducationWorker, null, 5, Today, default);
        Assert.Equal(600, education.Counts.Open);
        Assert.Equal(600, education.Counts.Overdue);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"JY-{i:D4}"), education.Overdue.Select(c => c.CaseNumber));
        Assert.Empty(education.DueToday);
        Assert.Empty(education.SupplementNoticesToSend);
        var health = await dashboard.RunAsync(HealthWorker, null, 5, Today, default);
        Assert.Equal((50L, 50), (health.Counts.Open, health.Counts.Overdue));
        Assert.All(health.Overdue, c => Assert.Equal(Health, c.Agency));
        var district = await dashboard.RunAsync(Supervisor, District, 5, Today, default);
        Assert.Equal((650L, 650), (district.Counts.Open, district.Counts.Overdue));
        Assert.Equal(500, district.Overdue.Count);
        Assert.Equal(50, (await dashboard.RunAsync(Supervisor, Health, 5, Today, default)).Counts.Overdue);
    }

    [Fact]
    public async Task The_dashboard_and_the_list_total_kept_between_requests_follow_the_day_new_events_and_a_rebuild()
    {
        await using var store = await OpenAsync();
        // Received Fri 2025-08-29: due Fri 2025-09-26 (the 20th working day), overdue from Mon 2025-09-29.
        await WriteAsync(store, [Receipt(Education, "JY-1", "2025-08-29")]);
        var documents = new DocumentStore(store, TimeProvider.System);
        var cache = new ReadModelCache(store);
        // One query per request, as in the host (scoped); the cache is the host's one.
        Deadlines.DashboardQuery Dashboard(ReadModelCache kept) =>
            new(new ReadModels.CaseList.CaseListQueries(store), new AgencyDirectory(documents), CasePolicy.Default, kept);
        async Task<(long Open, int Overdue, int DueToday, string Listed)> CountsAsync(string day, ReadModelCache? kept = null)
        {
            var view = await Dashboard(kept ?? cache).RunAsync(EducationWorker, null, 5, D(day), default);
            return (view.Counts.Open, view.Counts.Overdue, view.Counts.DueToday,
                string.Join(",", view.Overdue.Concat(view.DueToday).Select(c => c.CaseNumber)));
        }

        async Task<long> OverdueTotalAsync(string day) =>
            (await new CaseSearch(store, new AgencyDirectory(documents), new ApplicantKeyring(store, (string?)null), CasePolicy.Default, cache)
                .PageAsync(new CaseFilter { Overdue = true, Size = 1 }, EducationWorker, D(day), default)).Total;

        Assert.Equal((1L, 0, 1, "JY-1"), await CountsAsync("2025-09-26"));
        Assert.Equal((1L, 1, 0, "JY-1"), await CountsAsync("2025-09-29"));
        Assert.Equal((1L, 0, 1, "JY-1"), await CountsAsync("2025-09-26"));
        Assert.Equal(1, await OverdueTotalAsync("2025-09-29"));

        await WriteAsync(store, [Receipt(Education, "JY-2", "2025-08-29")], [Receipt(Education, "JY-3", "2025-08-29")]);
        Assert.Equal((3L, 3, 0, "JY-1,JY-2,JY-3"), await CountsAsync("2025-09-29"));
        Assert.Equal((3L, 0, 3, "JY-1,JY-2,JY-3"), await CountsAsync("2025-09-26"));
        Assert.Equal(3, await OverdueTotalAsync("2025-09-29"));
        Assert.Equal(0, await OverdueTotalAsync("2025-09-26"));

        await ReadModels(store).RebuildAsync(null, default);
        Assert.Equal((3L, 3, 0, "JY-1,JY-2,JY-3"), await CountsAsync("2025-09-29"));
        Assert.Equal(await CountsAsync("2025-09-29", new ReadModelCache(store)), await CountsAsync("2025-09-29"));
        Assert.Equal(3, await OverdueTotalAsync("2025-09-29"));
    }

    [Fact]
    public async Task The_export_reads_each_case_whole_in_the_ledger_order_within_the_scope_in_one_pass()
    {
        await using var store = await OpenAsync();
        await WriteAsync(store,
            [Receipt(Health, "WJ-2", "2025-06-02")],
            [Receipt(Education, "JY-9", "2025-06-01"), Assign("cw-edu", "2025-06-03")],
            [Receipt(Education, "JY-1", "2025-06-05")],
            [Receipt(Education, "JY-3", "2025-06-01")],
            [Receipt(Education, "JY-LATE", "2025-09-02")],
            [Receipt(District, "QZ-1", "2025-06-01")]);
        var documents = new DocumentStore(store, TimeProvider.System);
        var export = new Ledger.LedgerExportQuery(new ReadModels.CaseList.CaseListQueries(store), store, new AgencyDirectory(documents), CasePolicy.Default);

        async Task<List<(string Number, int Version)>> RowsAsync(string? agency)
        {
            var rows = new List<(string, int)>();
            await foreach (var row in export.RowsAsync(new Ledger.CaseFilter(agency, true, Ledger.StatusFilter.Open, false, Today), default))
            {
                rows.Add((row.State.Receipt!.CaseNumber, row.State.Version));
            }

            return rows;
        }

        // Agency in ordinal order (卫 U+536B < 政 U+653F < 教 U+6559), then the date received, then 编号; JY-LATE is after the day asked.
        Assert.Equal([("WJ-2", 1), ("QZ-1", 1), ("JY-3", 1), ("JY-9", 2), ("JY-1", 1)], await RowsAsync(District));
        Assert.Equal([("JY-3", 1), ("JY-9", 2), ("JY-1", 1)], await RowsAsync(Education));
    }

    [Fact]
    public async Task The_export_folds_batches_of_cases_on_several_threads_and_gives_them_back_in_the_ledger_order_whole_and_decrypted()
    {
        await using var store = await OpenAsync();
        // 1,500 cases of one to three events (more rows than several of the reader's batches, cases cut at no boundary),
        // one day each in turn, 编号 in order within a day; case 700's applicant erased (its key deleted).
        var subjects = new Dictionary<int, Guid>();
        var cases = Enumerable.Range(0, 1500).Select(i =>
        {
            subjects[i] = Guid.NewGuid();
            var receipt = Receipt(Education, $"E-{i:D4}", $"2025-06-{1 + (i % 20):D2}", new PersonalData(subjects[i], $"申请人{i}", null, null, null));
            return i % 3 == 0 ? [receipt] : i % 3 == 1 ? new CaseEvent[] { receipt, Assign("cw-edu", "2025-07-01") }
                : [receipt, Assign("cw-edu", "2025-07-01"), Assign("cw-edu2", "2025-07-02")];
        }).ToArray();
        await WriteAsync(store, cases);
        Assert.True(await store.ErasePersonalDataAsync(subjects[700]));
        var documents = new DocumentStore(store, TimeProvider.System);
        var export = new Ledger.LedgerExportQuery(new ReadModels.CaseList.CaseListQueries(store), store, new AgencyDirectory(documents), CasePolicy.Default);

        var rows = new List<(string Number, int Version, string Name)>();
        await foreach (var row in export.RowsAsync(new Ledger.CaseFilter(Education, false, Ledger.StatusFilter.All, false, Today), default))
        {
            rows.Add((row.State.Receipt!.CaseNumber, row.State.Version, row.State.Receipt.Applicant!.Name));
        }

        // By day (i % 20), then 编号: day 1 holds 0, 20, 40, …; day 2 holds 1, 21, …
        var expected = Enumerable.Range(0, 20).SelectMany(day => Enumerable.Range(0, 75).Select(k => day + (20 * k)))
            .Select(i => ($"E-{i:D4}", 1 + (i % 3), i == 700 ? "（个人信息已删除）" : $"申请人{i}")).ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_with_the_total_and_the_last_page_counts_without_a_count()
    {
        await using var store = await OpenAsync();
        var search = await WriteAsync(store, [.. Enumerable.Range(0, 7).Select(i => new CaseEvent[] { Receipt(Education, $"P-{i}", "2025-06-10") })]);
        var last = await search.PageAsync(new CaseFilter { Size = 3, Page = 3 }, Supervisor, Today, default);
        Assert.Equal((7L, 1, (string?)null), (last.Total, last.Items.Count, last.NextCursor));
        var past = await search.PageAsync(new CaseFilter { Size = 3, Page = 5 }, Supervisor, Today, default);
        Assert.Equal((7L, 0), (past.Total, past.Items.Count));
        var first = await search.PageAsync(new CaseFilter { Size = 5 }, Supervisor, Today, default);
        var second = await search.PageAsync(new CaseFilter { Size = 5, Cursor = first.NextCursor }, Supervisor, Today, default);
        Assert.Equal((7L, 7L, 2), (first.Total, second.Total, second.Items.Count));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task A_page_by_number_holds_exactly_the_rows_of_its_place_in_the_order_across_ties_in_the_sort_key()
    {
        await using var store = await OpenAsync();
        // Twelve cases on three days, so the date ties four times each and the case id decides; the ids differ only in
        // their last byte, which both stores order alike (SQLite compares the bytes, PostgreSQL the uuid).
        static Guid Id(int n) => new($"00000000-0000-0000-0000-0000000000{n:X2}");
        string[] days = ["2025-06-10", "2025-06-11", "2025-06-12"];
        var search = await WriteAsync(store, [.. Enumerable.Range(1, 12).Select(n => new CaseEvent[]
        {
            new CaseEvent.Received(Id(n), n % 2 == 0 ? Education : Health, $"T-{n:D2}", D(days[n % 3]), Channel.Online, ApplicantType.NaturalPerson,
                new PersonalData(Guid.NewGuid(), "某申请人", null, null, null), "请求公开某文件", "电子邮件"),
        })]);

        async Task<string[]> PageAsync(CaseFilter filter) =>
            (await search.PageAsync(filter, Supervisor, Today, default)).Items.Select(i => i.Row.CaseNumber).ToArray();

        // Newest first: 06-12 holds 2, 5, 8, 11; 06-11 holds 1, 4, 7, 10; 06-10 holds 3, 6, 9, 12 (ids ascending within a day).
        var received = new CaseFilter { Size = 5 };
        Assert.Equal(["T-02", "T-05", "T-08", "T-11", "T-01"], await PageAsync(received with { Page = 1 }));
        Assert.Equal(["T-04", "T-07", "T-10", "T-03", "T-06"], await PageAsync(received with { Page = 2 }));
        Assert.Equal(["T-09", "T-12"], await PageAsync(received with { Page = 3 }));
        Assert.Empty(await PageAsync(received with { Page = 4 }));
        // Pages of three start inside ties: page 2 at the last case of 06-12, page 3 at the third of 06-11.
        Assert.Equal(["T-11", "T-01", "T-04"], await PageAsync(new CaseFilter { Size = 3, Page = 2 }));
        Assert.Equal(["T-07", "T-10", "T-03"], await PageAsync(new CaseFilter { Size = 3, Page = 3 }));
        // Oldest first within an agency's scope (区卫健委: the odd ones): 06-10 holds 3, 9; 06-11 holds 1, 7; 06-12 holds 5, 11.
        Assert.Equal(["T-05", "T-11"], await PageAsync(new CaseFilter { Agency = Health, Descending = false, Size = 2, Page = 3 }));
        // By deadline (working days after receipt: the same three ties, oldest first: 3, 6, 9, 12, 1, 4, 7, 10, 2…), open cases only.
        Assert.Equal(["T-07", "T-10", "T-02"], await PageAsync(new CaseFilter { Sort = "deadline", Descending = false, Status = "Open", Size = 3, Page = 3 }));
    }

    private static string UserError(Func<CaseFilter> parse)
    {
        var error = Assert.Throws<UserError>(() => parse());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
        return error.Field;
    }

    private static async Task<string[]> FindAsync(CaseSearch search, Access access, string q) =>
        (await search.PageAsync(new CaseFilter { Q = q, Sort = "number", Descending = false }, access, Today, default))
            .Items.Select(i => i.Row.CaseNumber).ToArray();

    private async Task<SqlEventStore> OpenAsync()
    {
        var store = await StoreLocation.Parse(await NewStoreAsync())!.OpenAsync(TimeProvider.System, default);
        await new AgencyDirectory(new DocumentStore(store, TimeProvider.System))
            .SaveAsync([new Agency(District, null), new Agency(Education, District), new Agency(Health, District)], "test", default);
        return store;
    }

    private static ReadModelSet ReadModels(SqlEventStore store) =>
        new(store, store, new PolicySource(CasePolicy.Default, new DocumentStore(store, TimeProvider.System)));

    private static async Task<CaseSearch> WriteAsync(SqlEventStore store, params CaseEvent[][] cases)
    {
        foreach (var chunk in cases.Chunk(1000))
        {
            var appends = chunk.Select(events =>
            {
                var id = ((CaseEvent.Received)events[0]).CaseId;
                return new StreamAppend(CaseStreams.For(id), ExpectedVersion.NoStream,
                    events.Select(e => new NewEvent(Guid.NewGuid(), e, new EventMetadata("test", Guid.NewGuid()))).ToList());
            }).ToList();
            Assert.IsType<AppendResult.Appended>(await store.AppendManyAsync(appends));
        }

        await store.LogShowsEverythingAsync();
        await ReadModels(store).CatchUpAsync(null, default);
        var documents = new DocumentStore(store, TimeProvider.System);
        return new CaseSearch(store, new AgencyDirectory(documents), new ApplicantKeyring(store, (string?)null), CasePolicy.Default, new ReadModelCache(store));
    }

    private static CaseEvent.Received Receipt(string agency, string number, string on, PersonalData? applicant = null, string description = "请求公开某文件",
        Channel channel = Channel.Online) =>
        new(Guid.NewGuid(), agency, number, D(on), channel, ApplicantType.NaturalPerson,
            applicant ?? new PersonalData(Guid.NewGuid(), "某申请人", null, null, null), description, "电子邮件");

    private static CaseEvent.Assigned Assign(string assignee, string on) => new(assignee, D(on));

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}

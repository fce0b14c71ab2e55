using System.Text;
using CaseTracker.Agencies;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Sql;
using CaseTracker.Ledger;
using CaseTracker.Ledger.Import;
using CaseTracker.ReadModels;
using CaseTracker.Testing;

namespace CaseTracker.Tests;

/// <summary>
/// The import in bounded memory (issue 14): the plan keeps each row's key, the store is checked before anything is written,
/// and the cases are read again from the file chunk by chunk as they are written. On SQLite here;
/// <see cref="Postgres.PostgresStreamedImportTests"/> runs the same tests on PostgreSQL.
/// </summary>
public class StreamedImportTests : IDisposable
{
    private const string Header = "编号,办理机关,收到日期,申请人类型,申请方式,答复日期,答复类型,具体情形";
    private static readonly LedgerImportOptions Light = new() { FileName = "台账.csv", KeepCases = false };
    private readonly TempFolder _folder = new();

    /// <summary>A new, empty store as a <c>--store</c> value.</summary>
    protected virtual Task<string> NewStoreAsync(string name) => Task.FromResult("sqlite:" + _folder.File(name + ".db"));

    // Five cases; D-2 answered (two events), the rest only received: six events.
    private static readonly string[] Rows =
    [
        "D-1,某区教育委员会,2023-05-06,自然人,当面,,,",
        "D-2,某区教育委员会,2023-05-08,自然人,网络,2023-05-20,予以公开,",
        "D-3,某区教育委员会,2023-05-09,自然人,当面,,,",
        "D-4,某区教育委员会,2023-05-10,自然人,当面,,,",
        "D-5,某区卫生健康委员会,2023-05-11,商业企业,当面,,,",
    ];

    private static byte[] Ledger(params string[] rows) => Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n");

    private static LedgerImportPlan Plan(byte[] file, LedgerImportOptions options) => LedgerImporter.Plan(new MemoryStream(file), options);

    private async Task<(SqlEventStore Store, LedgerImport Import, DocumentStore Journal)> OpenAsync(string name)
    {
        var store = (SqlEventStore)await StoreLocation.Parse(await NewStoreAsync(name))!.OpenAsync(TimeProvider.System, default);
        var documents = new DocumentStore(store, TimeProvider.System);
        return (store, new LedgerImport(store, new StreamIndex(store), new AgencyDirectory(documents), CasePolicy.Default, documents) { ChunkSize = 2 }, documents);
    }

    private static async Task<List<(string Stream, long Version, string Type)>> EventsAsync(SqlEventStore store)
    {
        await store.LogShowsEverythingAsync();
        var events = await store.ReadAllAsync(LogPosition.Start, 1000);
        return [.. events.Select(e => (e.StreamId, e.StreamVersion, e.Event.GetType().Name)).Order()];
    }

    [Fact]
    public async Task Reading_the_file_again_writes_the_same_events_as_a_plan_holding_its_cases()
    {
        var (streamed, streamedImport, _) = await OpenAsync("streamed");
        var (held, heldImport, _) = await OpenAsync("held");
        await using var s1 = streamed;
        await using var s2 = held;
        var file = Ledger(Rows);

        var result = await streamedImport.WriteAsync(Plan(file, Light), () => new MemoryStream(file), Light, "test", null, default);
        var expected = await heldImport.WriteAsync(Plan(file, Light with { KeepCases = true }), "台账.csv", "test", null, default);

        Assert.Empty(result.Problems);
        Assert.Equal((5, 0, 6), (result.CasesCreated, result.CasesExtended, result.EventsWritten));
        Assert.Equal((expected.CasesCreated, expected.EventsWritten), (result.CasesCreated, result.EventsWritten));
        Assert.Equal(["某区卫生健康委员会", "某区教育委员会"], result.AgenciesRegistered.Order(StringComparer.Ordinal));
        var events = await EventsAsync(streamed);
        Assert.Equal(6, events.Count);
        Assert.Equal(await EventsAsync(held), events);
        Assert.Equal(2, events.Count(e => e.Stream == CaseStreams.For(LedgerIds.CaseId("某区教育委员会", "D-2"))));
    }

    [Fact]
    public async Task A_row_its_stored_case_contradicts_refuses_the_whole_file_before_anything_is_written()
    {
        var (store, import, _) = await OpenAsync("store");
        await using var s = store;
        var first = Ledger(Rows);
        await import.WriteAsync(Plan(first, Light), () => new MemoryStream(first), Light, "test", null, default);

        // D-4 (row 5) now says it was received on another day; D-1 and D-3 gain an answer. Chunks of two: the refusal is in
        // the second chunk, so writing as it checks would have written the first.
        var second = Ledger(
            "D-1,某区教育委员会,2023-05-06,自然人,当面,2023-05-30,予以公开,",
            Rows[1],
            "D-3,某区教育委员会,2023-05-09,自然人,当面,2023-05-30,予以公开,",
            "D-4,某区教育委员会,2023-05-12,自然人,当面,,,",
            Rows[4]);
        var result = await import.WriteAsync(Plan(second, Light), () => new MemoryStream(second), Light, "test", null, default);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(5, problem.Row);
        Assert.StartsWith("台账的收到日期、申请人类型、申请方式（2023-05-12、自然人、当面）与系统中已登记的（2023-05-10、自然人、当面）不一致", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.EventsWritten);
        Assert.Equal(6, (await EventsAsync(store)).Count);
    }

    [Fact]
    public async Task A_number_another_case_holds_refuses_the_file_before_anything_is_written()
    {
        var (store, import, _) = await OpenAsync("store");
        await using var s = store;
        // 某区卫生健康委员会 gave D-5 to a case registered on the web (another case id than the ledger's).
        var web = new CaseEvent.Received(Guid.NewGuid(), "某区卫生健康委员会", "D-5", new DateOnly(2023, 5, 2), Channel.InPerson,
            ApplicantType.NaturalPerson, null, "某信息", "纸质");
        var webStream = CaseStreams.For(web.CaseId);
        await store.AppendAsync(webStream, ExpectedVersion.NoStream,
            [new NewEvent(Guid.NewGuid(), web, new EventMetadata("web", Guid.NewGuid()))], UniqueClaim.Of([web]));
        var file = Ledger(Rows);

        var result = await import.WriteAsync(Plan(file, Light), () => new MemoryStream(file), Light, "test", null, default);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((6, LedgerColumns.Number), (problem.Row, problem.Column));
        Assert.Contains("D-5", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.EventsWritten);
        Assert.Equal([(webStream, 1L, nameof(CaseEvent.Received))], await EventsAsync(store));
    }

    [Fact]
    public async Task A_file_changed_between_the_check_and_the_write_stops_with_the_chunks_before_it_written_and_journaled()
    {
        var (store, import, journal) = await OpenAsync("store");
        await using var s = store;
        var checkedFile = Ledger(Rows);
        // The same file with row 5 (D-4) replaced, as if someone saved over it while the import ran.
        var changed = Ledger(Rows[0], Rows[1], Rows[2], "D-9,某区教育委员会,2023-05-10,自然人,当面,,,", Rows[4]);

        var error = await Assert.ThrowsAsync<LedgerChangedException>(() =>
            import.WriteAsync(Plan(checkedFile, Light), () => new MemoryStream(changed), Light, "test", null, default));

        Assert.Equal(5, error.Row);
        Assert.StartsWith("台账文件在校验之后被修改（第5行", error.Message, StringComparison.Ordinal);
        // The first chunk (D-1, D-2: three events) is written; D-3 waited in the chunk the change cut short.
        Assert.Equal(3, (await EventsAsync(store)).Count);
        var run = Assert.Single(await journal.ListAsync<LedgerImportRun>(LedgerImportRun.Collection)).Value;
        Assert.Equal((5, 2), (run.Cases, run.CasesWritten));

        // Importing the checked file again completes it, writing nothing twice.
        var again = await import.WriteAsync(Plan(checkedFile, Light), () => new MemoryStream(checkedFile), Light, "test", null, default);
        Assert.Empty(again.Problems);
        Assert.Equal((3, 0, 3), (again.CasesCreated, again.CasesExtended, again.EventsWritten));
        Assert.Equal(6, (await EventsAsync(store)).Count);
        Assert.Empty(await journal.ListAsync<LedgerImportRun>(LedgerImportRun.Collection));
    }

    [Fact]
    public async Task A_plan_without_its_cases_cannot_be_written_without_the_file()
    {
        var (store, import, _) = await OpenAsync("store");
        await using var s = store;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => import.WriteAsync(Plan(Ledger(Rows), Light), "台账.csv", "test", null, default));

        Assert.StartsWith("这份导入计划未保留各行的办理环节", error.Message, StringComparison.Ordinal);
        Assert.Empty(await EventsAsync(store));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}

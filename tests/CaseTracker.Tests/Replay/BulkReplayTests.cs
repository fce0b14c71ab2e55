using System.Data.Common;
using System.Globalization;
using CaseTracker.Calendar;
using CaseTracker.Composition;
using CaseTracker.Domain.Cases;
using CaseTracker.Domain.Outcomes;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Documents;
using CaseTracker.EventStore.Projections;
using CaseTracker.EventStore.Sql;
using CaseTracker.ReadModels;

namespace CaseTracker.Tests.Replay;

/// <summary>
/// The bulk path of the read models (rebuild, a large lag: ProjectionRunner.Bulk.cs) against the incremental one, on
/// SQLite here; <see cref="Postgres.PostgresBulkReplayTests"/> on PostgreSQL. Hand-built history: corrections, an erasure,
/// fees, appeals, assignees, cases whose events lie apart in the log.
/// </summary>
public class BulkReplayTests : IDisposable
{
    private static readonly string[] Tables =
        ["case_read_model", "case_appeals", "applicant_keys", "case_text", "case_assignees", "case_fees", "personal_data_erasures"];

    private readonly TempFolder _folder = new();
    private readonly Guid _a = Guid.NewGuid();
    private readonly Guid _b = Guid.NewGuid();
    private readonly Guid _c = Guid.NewGuid();
    private readonly Guid _erasedSubject = Guid.NewGuid();

    protected virtual Task<string> NewStoreAsync() => Task.FromResult("sqlite:" + _folder.File("store.db"));

    [Fact]
    public async Task The_bulk_rebuild_and_a_bulk_catch_up_write_the_same_rows_as_the_incremental_path_in_every_read_model_table()
    {
        await using var store = await OpenAsync();
        var set = ReadModels(store);
        var indexes = await IndexesAsync(store);

        // Part of the history applied incrementally, the rest (the erasure included) by a bulk catch-up into those rows.
        await WriteHistoryAsync(store, part: 1);
        await ProjectionRunner.CatchUpTogetherAsync(set.Runners);
        await WriteHistoryAsync(store, part: 2);
        await ProjectionRunner.CatchUpTogetherAsync(set.Runners, bulkFrom: 1);
        Assert.Equal(0, Sum(await set.StatusAsync(default)));
        var mixed = await RowsAsync(store);
        Assert.Equal(indexes, await IndexesAsync(store));

        foreach (var runner in set.Runners)
        {
            await runner.ResetAsync();
        }

        await ProjectionRunner.CatchUpTogetherAsync(set.Runners);
        var incremental = await RowsAsync(store);

        // Hand-worked: A received 06-02 (corrected from 06-01), assigned twice (last 李明), fee 12.50 元 paid, a
        // reconsideration concluded Corrected and a lawsuit still open; B erased (no keys, no text, an erasure row);
        // C withdrawn, its fee waived.
        Assert.Contains(incremental["case_read_model"], Row(_a, "received_on=2025-06-02", "reconsiderations=1", "reconsiderations_open=0",
            "lawsuits=1", "lawsuits_open=1", "appeals_corrected=1", "corrections=1", "status=Closed"));
        Assert.Contains(incremental["case_assignees"], Row(_a, "assignee=李明"));
        Assert.Contains(incremental["case_assignees"], Row(_c, "assignee=赵六"));
        Assert.Contains(incremental["case_fees"], Row(_a, "amount_fen=1250", "paid_fen=1250", "quantity=3"));
        Assert.Contains(incremental["case_fees"], Row(_c, "amount_fen=10000", "waived_on=2025-06-20"));
        Assert.Equal(2, incremental["case_appeals"].Count);
        Assert.DoesNotContain(incremental["applicant_keys"], Row(_b));
        Assert.DoesNotContain(incremental["case_text"], Row(_b));
        Assert.Contains(incremental["personal_data_erasures"], Row(_b, "reason=保存期满"));
        Assert.Single(incremental["personal_data_erasures"]);
        Assert.Equal(6, incremental["applicant_keys"].Count); // A and C: name, ID number, phone each
        Assert.Equal(3, incremental["case_read_model"].Count);
        Assert.Equal(incremental, mixed);

        var applied = await set.RebuildAsync(null, default);
        Assert.Equal(6 * await store.CountAfterAsync(LogPosition.Start), applied);
        Assert.Equal(incremental, await RowsAsync(store));
        Assert.Equal(indexes, await IndexesAsync(store));
        Assert.Equal(0, Sum(await set.StatusAsync(default)));
        await CheckSearchIndexAsync(store);

        // A bulk catch-up into empty read models (a fresh database's first, after an import): indexes dropped and built again.
        foreach (var runner in set.Runners)
        {
            await runner.ResetAsync();
        }

        await ProjectionRunner.CatchUpTogetherAsync(set.Runners, bulkFrom: 1);
        Assert.Equal(incremental, await RowsAsync(store));
        Assert.Equal(indexes, await IndexesAsync(store));
        Assert.Equal(0, Sum(await set.StatusAsync(default)));
        await CheckSearchIndexAsync(store);

        // A bulk catch-up into half-filled read models (no index dropped) and one into empty ones (a fresh database's first).
        foreach (var runner in set.Runners)
        {
            await runner.ResetAsync();
        }

        var half = (await store.ReadAllAsync(LogPosition.Start, 7))[^1].Position;
        foreach (var runner in set.Runners)
        {
            await store.SaveCheckpointAsync(runner.Name, half);
        }

        await ProjectionRunner.CatchUpTogetherAsync(set.Runners, bulkFrom: 1);
        Assert.Equal(0, Sum(await set.StatusAsync(default)));
        Assert.NotEqual(incremental, await RowsAsync(store)); // the first 7 events were skipped: B's and C's receipts are missing
        foreach (var runner in set.Runners)
        {
            await runner.ResetAsync();
        }

        await ProjectionRunner.CatchUpTogetherAsync(set.Runners, bulkFrom: 1);
        Assert.Equal(incremental, await RowsAsync(store));
        Assert.Equal(indexes, await IndexesAsync(store));
        await CheckSearchIndexAsync(store);
    }

    [Fact]
    public async Task Staged_rows_written_every_key_or_two_end_as_those_of_the_incremental_path_when_a_key_is_touched_again_after_its_flush()
    {
        await using var store = await OpenAsync();
        await WriteHistoryAsync(store, part: 1);
        await WriteHistoryAsync(store, part: 2);
        var set = ReadModels(store);
        await ProjectionRunner.CatchUpTogetherAsync(set.Runners);
        var incremental = await RowsAsync(store);
        var indexes = await IndexesAsync(store);

        // Pages of one or two events, flushed after each: A's receipt is written before its correction, its second
        // 承办人 and its fee; B's description and applicant keys before its erasure must delete them again (tables empty
        // at the start: no delete is needed for a key no flush wrote yet, one is for B).
        foreach (var keysPerFlush in new[] { 1, 2 })
        {
            foreach (var runner in set.Runners)
            {
                await runner.ResetAsync();
            }

            await ProjectionRunner.CatchUpTogetherAsync(set.Runners, bulkFrom: 1, bulkKeysPerFlush: keysPerFlush);
            Assert.Equal(incremental, await RowsAsync(store));
            Assert.Equal(indexes, await IndexesAsync(store));
            Assert.Equal(0, Sum(await set.StatusAsync(default)));

            await ProjectionRunner.RebuildTogetherAsync(set.Runners, bulkKeysPerFlush: keysPerFlush);
            Assert.Equal(incremental, await RowsAsync(store));
            Assert.Equal(indexes, await IndexesAsync(store));
            await CheckSearchIndexAsync(store);
        }

        // Hand-worked: B erased (no text, no keys), A received on the corrected day with its last 承办人.
        Assert.DoesNotContain(incremental["case_text"], Row(_b));
        Assert.DoesNotContain(incremental["applicant_keys"], Row(_b));
        Assert.Contains(incremental["case_read_model"], Row(_a, "received_on=2025-06-02"));
        Assert.Contains(incremental["case_assignees"], Row(_a, "assignee=李明"));

        // Into read models whose checkpoints stand after the third event (not empty: every staged key deleted first):
        // flushed after each page as written once at the end.
        var half = (await store.ReadAllAsync(LogPosition.Start, 3))[^1].Position;
        var fromHalf = new List<Dictionary<string, List<string>>>();
        foreach (var keysPerFlush in new[] { ProjectionRunner.BulkKeysPerFlush, 1 })
        {
            foreach (var runner in set.Runners)
            {
                await runner.ResetAsync();
                await store.SaveCheckpointAsync(runner.Name, half);
            }

            await ProjectionRunner.CatchUpTogetherAsync(set.Runners, bulkFrom: 1, bulkKeysPerFlush: keysPerFlush);
            fromHalf.Add(await RowsAsync(store));
        }

        Assert.NotEqual(incremental, fromHalf[0]);
        Assert.Equal(fromHalf[0], fromHalf[1]);

        // After a bulk load into the empty tables (SQLite: FTS index built once, its triggers dropped for the load and
        // created again), a case received later is found by its words through the incremental path.
        await ProjectionRunner.RebuildTogetherAsync(set.Runners, bulkKeysPerFlush: 1);
        var later = Guid.NewGuid();
        await AppendAsync(store, later, ExpectedVersion.NoStream,
            Receipt(later, "JY-9", "2025-07-01", new PersonalData(Guid.NewGuid(), "周九", "110101199001011239", "13700000000", null), "幼儿园食品安全检查记录"));
        await store.LogShowsEverythingAsync();
        await ProjectionRunner.CatchUpTogetherAsync(set.Runners);
        await using var connection = await store.OpenConnectionAsync(default);
        var found = store.Sql.Dialect == "Sqlite"
            ? await connection.QueryAsync(null, "SELECT t.case_id FROM case_text_fts f JOIN case_text t ON t.id = f.rowid WHERE case_text_fts MATCH '食品安全'", r => r.GetGuid(0), default)
            : await connection.QueryAsync(null, "SELECT case_id FROM case_text WHERE grams @> ARRAY['食品', '安全']", r => r.GetGuid(0), default);
        Assert.Equal(new[] { _a, later }.Order(), found.Order());
        if (store.Sql.Dialect == "Sqlite")
        {
            Assert.Contains(indexes, i => i.StartsWith("trigger case_text case_text_insert ", StringComparison.Ordinal));
            Assert.Equal(indexes, await IndexesAsync(store));
        }
    }

    [Fact]
    public async Task A_rebuild_cancelled_half_way_leaves_consistent_read_models_that_the_next_catch_up_or_rebuild_completes()
    {
        await using var store = await OpenAsync();
        await WriteHistoryAsync(store, part: 1);
        await WriteHistoryAsync(store, part: 2);
        var set = ReadModels(store);
        await set.CatchUpAsync(null, default);
        var complete = await RowsAsync(store);
        var events = await store.CountAfterAsync(LogPosition.Start);

        // Cancelled inside its one transaction: the reset is undone with the rest.
        using (var cancel = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                ProjectionRunner.RebuildTogetherAsync(set.Runners, new CancelAt(cancel, 1), cancel.Token));
        }

        Assert.Equal(complete, await RowsAsync(store));
        Assert.Equal(0, Sum(await set.StatusAsync(default)));

        // Cut into transactions of 4 events: cancelled after the second committed, the read models hold 8 events with
        // their checkpoints; the next catch-up applies the rest.
        using (var cancel = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                ProjectionRunner.RebuildTogetherAsync(set.Runners, new CancelAt(cancel, 9), cancel.Token, bulkEventsPerTransaction: 4));
        }

        var statuses = await set.StatusAsync(default);
        Assert.All(statuses, s => Assert.Equal(events - 8, s.Lag));
        Assert.NotEqual(complete, await RowsAsync(store));
        Assert.Equal(6 * (events - 8), await set.CatchUpAsync(null, default));
        Assert.Equal(complete, await RowsAsync(store));

        // Once more, completed by a rebuild.
        using (var cancel = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                ProjectionRunner.RebuildTogetherAsync(set.Runners, new CancelAt(cancel, 5), cancel.Token, bulkEventsPerTransaction: 4));
        }

        await set.RebuildAsync(null, default);
        Assert.Equal(complete, await RowsAsync(store));
        await CheckSearchIndexAsync(store);
    }

    /// <summary>A: corrected, assigned twice, fee, appeals, decided; B: erased; C: assigned, fee waived, withdrawn; A's and C's events interleaved.</summary>
    private async Task WriteHistoryAsync(SqlEventStore store, int part)
    {
        if (part == 2)
        {
            await WriteRestAsync(store);
            return;
        }

        await AppendAsync(store, _a, ExpectedVersion.NoStream,
            Receipt(_a, "JY-1", "2025-06-01", new PersonalData(Guid.NewGuid(), "张三", "11010119900307123X", "13800138000", null), "学校食堂食品安全抽检报告"),
            new CaseEvent.Assigned("王芳", D("2025-06-02")));
        await AppendAsync(store, _b, ExpectedVersion.NoStream,
            Receipt(_b, "JY-2", "2025-06-03", new PersonalData(_erasedSubject, "李四", "110101198001011234", "13900000000", null), "李四家门前道路规划"));
        await AppendAsync(store, _c, ExpectedVersion.NoStream,
            Receipt(_c, "JY-3", "2025-06-04", new PersonalData(Guid.NewGuid(), "王五", "110101197001011111", "01065123456", null), "学区划分方案"),
            new CaseEvent.Assigned("赵六", D("2025-06-04")));
        await AppendAsync(store, _a, ExpectedVersion.Exact(2),
            new CaseEvent.DateCorrected(0, D("2025-06-02"), "录入错误", D("2025-06-05")),
            new CaseEvent.Assigned("李明", D("2025-06-05")),
            new CaseEvent.FeeNoticeIssued(D("2025-06-06"), 12.50m, FeeMethod.PerItem, D("2025-06-07"), 3));
        await store.LogShowsEverythingAsync();
    }

    private async Task WriteRestAsync(SqlEventStore store)
    {
        await AppendAsync(store, _c, ExpectedVersion.Exact(2),
            new CaseEvent.FeeNoticeIssued(D("2025-06-10"), 100m, FeeMethod.PerVolume, D("2025-06-11")),
            new CaseEvent.FeeWaived(D("2025-06-20"), "困难"),
            new CaseEvent.Withdrawn(D("2025-06-21")));
        await AppendAsync(store, _a, ExpectedVersion.Exact(5),
            new CaseEvent.FeePaid(D("2025-06-09")),
            new CaseEvent.Decided(D("2025-06-20"), Outcome.DisclosedProvided, GroundList.None, ""),
            new CaseEvent.ReconsiderationFiled("R1", D("2025-07-01"), "区政府"),
            new CaseEvent.ReconsiderationConcluded("R1", D("2025-08-01"), AppealResult.Corrected),
            new CaseEvent.LawsuitFiled("L1", D("2025-08-10"), "区法院", true));
        Assert.True(await store.ErasePersonalDataAsync(_erasedSubject));
        await AppendAsync(store, _b, ExpectedVersion.Exact(1), new CaseEvent.PersonalDataErased(_erasedSubject, "保存期满", "admin", D("2025-09-01")));
        await store.LogShowsEverythingAsync();
    }

    private static async Task AppendAsync(SqlEventStore store, Guid caseId, ExpectedVersion expected, params CaseEvent[] events) =>
        Assert.IsType<AppendResult.Appended>(await store.AppendAsync(CaseStreams.For(caseId), expected,
            events.Select(e => new NewEvent(Guid.NewGuid(), e, new EventMetadata("test", Guid.NewGuid()))).ToList()));

    /// <summary>Every row of every read-model table as "column=value" text, sorted (case_text's own row id left out).</summary>
    private static async Task<Dictionary<string, List<string>>> RowsAsync(SqlEventStore store)
    {
        var tables = new Dictionary<string, List<string>>();
        await using var connection = await store.OpenConnectionAsync(default);
        foreach (var table in Tables)
        {
            var rows = await connection.QueryAsync(null, $"SELECT * FROM {table}", r => string.Join(" ", Enumerable.Range(0, r.FieldCount)
                .Where(i => r.GetName(i) != "id").Select(i => $"{r.GetName(i)}={Text(r, i)}{Kind(r, i)}")), default);
            rows.Sort(StringComparer.Ordinal);
            tables[table] = rows;
        }

        return tables;
    }

    /// <summary>How the value is kept (SQLite: its storage class, so a GUID or day written as text and as a blob differ).</summary>
    private static string Kind(DbDataReader r, int i) => r is Microsoft.Data.Sqlite.SqliteDataReader && !r.IsDBNull(i) ? ":" + r.GetValue(i).GetType().Name : "";

    private static string Text(DbDataReader r, int i) => r.IsDBNull(i) ? "null" : r.GetValue(i) switch
    {
        byte[] bytes when Guid.TryParse(System.Text.Encoding.UTF8.GetString(bytes), out var guid) => Hex(guid),
        byte[] bytes => Convert.ToHexString(bytes),
        string text when Guid.TryParse(text, out var guid) => Hex(guid),
        Guid guid => Hex(guid),
        string[] grams => string.Join(",", grams.Order(StringComparer.Ordinal)),
        bool flag => flag ? "1" : "0",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString() ?? "",
    };

    /// <summary>A case id as the rows show it, however the store keeps it (SQLite: text; PostgreSQL: uuid).</summary>
    private static string Hex(Guid id) => id.ToString("N");

    private static Predicate<string> Row(Guid caseId, params string[] columns) =>
        r => r.Contains($"case_id={Hex(caseId)}", StringComparison.Ordinal) && columns.All(c => r.Contains($" {c} ", StringComparison.Ordinal) || r.Contains($" {c}:", StringComparison.Ordinal)
            || r.EndsWith($" {c}", StringComparison.Ordinal));

    private static async Task<List<string>> IndexesAsync(SqlEventStore store)
    {
        await using var connection = await store.OpenConnectionAsync(default);
        var sql = store.Sql.Dialect == "Sqlite"
            ? "SELECT type || ' ' || tbl_name || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master WHERE type IN ('index', 'trigger')"
            : "SELECT tablename || ' ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()";
        var indexes = await connection.QueryAsync(null, sql, r => r.GetString(0), default);
        indexes.Sort(StringComparer.Ordinal);
        return indexes;
    }

    /// <summary>SQLite: the FTS index agrees with case_text; PostgreSQL: the bigram index finds the words.</summary>
    private async Task CheckSearchIndexAsync(SqlEventStore store)
    {
        await using var connection = await store.OpenConnectionAsync(default);
        if (store.Sql.Dialect == "Sqlite")
        {
            await connection.ExecuteAsync(null, "INSERT INTO case_text_fts (case_text_fts) VALUES ('integrity-check')", default);
            var found = await connection.QueryAsync(null, "SELECT t.case_id FROM case_text_fts f JOIN case_text t ON t.id = f.rowid WHERE case_text_fts MATCH '食品安全'",
                r => r.GetGuid(0), default);
            Assert.Equal([_a], found);
        }
        else
        {
            var found = await connection.QueryAsync(null, "SELECT case_id FROM case_text WHERE grams @> ARRAY['食品', '安全']", r => r.GetGuid(0), default);
            Assert.Equal([_a], found);
        }
    }

    private static long Sum(IReadOnlyList<ProjectionStatus> statuses) => statuses.Sum(s => s.Lag);

    private async Task<SqlEventStore> OpenAsync() => await StoreLocation.Parse(await NewStoreAsync())!.OpenAsync(TimeProvider.System, default);

    private static ReadModelSet ReadModels(SqlEventStore store) =>
        new(store, store, new PolicySource(CasePolicy.Default, new DocumentStore(store, TimeProvider.System)));

    private static CaseEvent.Received Receipt(Guid id, string number, string on, PersonalData applicant, string description) =>
        new(id, "区教育局", number, D(on), Channel.Online, ApplicantType.NaturalPerson, applicant, description, "电子邮件");

    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Cancels (synchronously, unlike Progress&lt;T&gt;) once the replay reports at least <paramref name="done"/> events.</summary>
    private sealed class CancelAt(CancellationTokenSource cancel, long done) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value)
        {
            if (value.Done >= done)
            {
                cancel.Cancel();
            }
        }
    }
}

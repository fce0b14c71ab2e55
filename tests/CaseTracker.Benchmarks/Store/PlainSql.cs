using System.Data.Common;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore;
using CaseTracker.EventStore.Serialization;
using CaseTracker.EventStore.Sql;
using CaseTracker.ReadModels.CaseList;

namespace CaseTracker.Benchmarks.Store;

/// <summary>
/// The limit: the same rows, written and read with plain parameterized SQL on one open connection, without the store
/// (no version check, no serialization, no keys, no folding).
/// </summary>
internal sealed class PlainSql(SqlEventStore store, string payload)
{
    private bool Postgres => store.Sql.Dialect == "Postgres";

    public static async Task<PlainSql> CreateAsync(SqlEventStore store)
    {
        var sample = await EventSerializer.SerializeAsync(Guid.NewGuid(), new CaseEvent.Received(Guid.NewGuid(), "某区政务服务局", "2024-0001",
            new DateOnly(2024, 3, 1), Channel.Online, ApplicantType.NaturalPerson, new PersonalData(Guid.NewGuid(), "张三", "110101199001011234", "13800000000", "北京市东城区某街1号"),
            "某信息", "电子"), _ => Task.FromResult(PersonalDataSeal.NewKey()));
        var plain = new PlainSql(store, sample.Payload);
        await using var connection = await store.OpenConnectionAsync(default);
        // The same columns, keys and unique indexes as the events table: the limit is the database's, not a lighter table's.
        await connection.ExecuteAsync(null, plain.Postgres
            ? "CREATE TABLE bench_plain (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES INCLUDING IDENTITY)"
            : """
              CREATE TABLE bench_plain (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id BLOB NOT NULL UNIQUE, stream_id TEXT NOT NULL,
                  stream_version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, business_date TEXT NOT NULL,
                  recorded_at TEXT NOT NULL, actor TEXT NOT NULL, correlation_id BLOB NOT NULL, causation_id BLOB, subject_id BLOB,
                  payload TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, stream_version))
              """, default);
        return plain;
    }

    /// <summary>
    /// <paramref name="transactions"/> durable commits of <paramref name="rowsEach"/> rows. <paramref name="autocommit"/>
    /// (one row each): no explicit transaction, the statement commits itself (one round trip on PostgreSQL).
    /// </summary>
    public async Task InsertAsync(int transactions, int rowsEach, bool autocommit = false)
    {
        if (autocommit && rowsEach != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rowsEach), "autocommit: one row per commit");
        }

        var columns = "event_id, stream_id, stream_version, type, schema_version, business_date, recorded_at, actor, correlation_id, subject_id, payload, metadata";
        var sql = Postgres
            ? $"INSERT INTO bench_plain ({columns}) VALUES (@id, @stream, @version, 'case.received', 1, @on, @at, 'bench', @id, @id, CAST(@payload AS jsonb), CAST('{{}}' AS jsonb))"
            : $"INSERT INTO bench_plain ({columns}) VALUES (@id, @stream, @version, 'case.received', 1, @on, @at, 'bench', @id, @id, @payload, '{{}}')";
        await using var connection = await store.OpenConnectionAsync(default);
        await using var insert = connection.Command(null, sql);
        for (var t = 0; t < transactions; t++)
        {
            await using var tx = autocommit ? null : await store.BeginWriteAsync(connection, default);
            insert.Transaction = Db.ForProvider(tx);
            var stream = $"case-{Guid.NewGuid():N}";
            for (var r = 0; r < rowsEach; r++)
            {
                insert.Set("id", NewEvent.NewId());
                insert.Set("stream", stream);
                insert.Set("version", (long)r + 1);
                insert.Set("at", DateTimeOffset.UtcNow);
                insert.Set("on", new DateOnly(2024, 3, 1));
                insert.Set("payload", payload);
                if (t == 0 && r == 0)
                {
                    await PrepareAsync(insert);
                }

                await insert.ExecuteNonQueryAsync();
            }

            if (tx is not null)
            {
                await tx.CommitAsync();
            }
        }
    }

    /// <summary>
    /// <paramref name="transactions"/> durable commits of <paramref name="rowsEach"/> rows, each transaction one prepared
    /// multi-row INSERT (one statement). <paramref name="autocommit"/>: no explicit transaction around it, the statement
    /// commits itself (one round trip on PostgreSQL instead of two).
    /// </summary>
    public async Task InsertMultiRowAsync(int transactions, int rowsEach, bool autocommit = false)
    {
        var columns = "event_id, stream_id, stream_version, type, schema_version, business_date, recorded_at, actor, correlation_id, subject_id, payload, metadata";
        var values = string.Join(",\n", Enumerable.Range(0, rowsEach).Select(r => Postgres
            ? $"(@id{r}, @stream, {r + 1}, 'case.received', 1, @on, @at, 'bench', @id{r}, @id{r}, CAST(@payload AS jsonb), CAST('{{}}' AS jsonb))"
            : $"(@id{r}, @stream, {r + 1}, 'case.received', 1, @on, @at, 'bench', @id{r}, @id{r}, @payload, '{{}}')"));
        await using var connection = await store.OpenConnectionAsync(default);
        await using var insert = connection.Command(null, $"INSERT INTO bench_plain ({columns}) VALUES {values}");
        for (var t = 0; t < transactions; t++)
        {
            await using var tx = autocommit ? null : await store.BeginWriteAsync(connection, default);
            insert.Transaction = Db.ForProvider(tx);
            insert.Set("stream", $"case-{Guid.NewGuid():N}");
            insert.Set("at", DateTimeOffset.UtcNow);
            insert.Set("on", new DateOnly(2024, 3, 1));
            insert.Set("payload", payload);
            for (var r = 0; r < rowsEach; r++)
            {
                insert.Set($"id{r}", NewEvent.NewId());
            }

            if (t == 0)
            {
                await PrepareAsync(insert);
            }

            await insert.ExecuteNonQueryAsync();
            if (tx is not null)
            {
                await tx.CommitAsync();
            }
        }
    }

    /// <summary>PostgreSQL: a server-side prepared statement (SQLite's command keeps its statement prepared anyway).</summary>
    private async Task PrepareAsync(DbCommand command)
    {
        if (Postgres && command.Parameters.Count > 0)
        {
            await command.PrepareAsync();
        }
    }

    /// <summary>Reads every event row and writes one read-model row per event, 500 events per transaction, as a replay does.</summary>
    public async Task ReplayAsync(IReadOnlyList<CaseRow> rows)
    {
        var byStream = rows.ToDictionary(r => r.StreamId);
        await using var reading = await store.OpenConnectionAsync(default);
        var streams = await reading.QueryAsync(null, "SELECT event_id, stream_id, stream_version, type, schema_version, business_date, recorded_at, actor, correlation_id, causation_id, payload, metadata FROM events ORDER BY position",
            r =>
            {
                var values = new object[r.FieldCount];
                r.GetValues(values);
                return (string)values[1];
            }, default);
        await using var writing = await store.OpenConnectionAsync(default);
        foreach (var page in streams.Chunk(500))
        {
            await using var tx = await store.BeginWriteAsync(writing, default);
            foreach (var stream in page)
            {
                if (byStream.TryGetValue(stream, out var row))
                {
                    await writing.ExecuteAsync(tx, store.Sql["case_row_upsert"], default, row.Parameters());
                }
            }

            await tx.CommitAsync();
        }
    }
}

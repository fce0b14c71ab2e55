using System.Data.Common;
using System.Diagnostics;
using CaseTracker.EventStore.Sql;
using Npgsql;
using NpgsqlTypes;

namespace CaseTracker.Benchmarks.SpeedStore;

/// <summary>
/// The limits the store is measured against, on the same database in the same run: the event rows the import wrote,
/// bulk-inserted into a copy of the events table (SQLite: one transaction, one prepared INSERT; PostgreSQL: binary
/// COPY) with the same durable commit; and a plain ordered read of the log (every column of every row, nothing done
/// with it).
/// </summary>
internal static class PlainBulk
{
    private const string Columns = "event_id, stream_id, stream_version, type, schema_version, business_date, recorded_at, actor, correlation_id, causation_id, subject_id, payload, metadata";
    private const int Page = 10_000;

    /// <summary>Time spent inserting (reading the source rows is not counted) and the rows inserted.</summary>
    public static async Task<(TimeSpan Elapsed, long Rows)> InsertSameRowsAsync(SqlEventStore store)
    {
        var postgres = store.Sql.Dialect == "Postgres";
        await using var reading = await store.OpenConnectionAsync(default);
        await using var writing = await store.OpenConnectionAsync(default);
        await writing.ExecuteAsync(null, "DROP TABLE IF EXISTS bench_bulk", default);
        await writing.ExecuteAsync(null, postgres
            ? "CREATE TABLE bench_bulk (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES INCLUDING IDENTITY)"
            : """
              CREATE TABLE bench_bulk (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id BLOB NOT NULL UNIQUE, stream_id TEXT NOT NULL,
                  stream_version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, business_date TEXT NOT NULL,
                  recorded_at TEXT NOT NULL, actor TEXT NOT NULL, correlation_id BLOB NOT NULL, causation_id BLOB, subject_id BLOB,
                  payload TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, stream_version))
              """, default);
        var watch = new Stopwatch();
        long rows = 0;
        long after = 0;
        await using var tx = await store.BeginWriteAsync(writing, default);
        await using var insert = writing.Command(tx, $"INSERT INTO bench_bulk ({Columns}) VALUES (@a, @b, @c, @d, @e, @f, @g, @h, @i, @j, @k, @l, @m)");
        while (true)
        {
            var page = await reading.QueryAsync(null,
                $"SELECT position, {Columns.Replace("payload, metadata", "payload::text, metadata::text", StringComparison.Ordinal)} FROM events WHERE position > @after ORDER BY position LIMIT {Page}"
                    .Replace("::text", postgres ? "::text" : "", StringComparison.Ordinal),
                r =>
                {
                    var values = new object[r.FieldCount];
                    r.GetValues(values);
                    return values;
                }, default, ("after", after));
            if (page.Count == 0)
            {
                break;
            }

            after = Convert.ToInt64(page[^1][0], System.Globalization.CultureInfo.InvariantCulture);
            watch.Start();
            if (postgres)
            {
                await CopyAsync((NpgsqlConnection)writing, page);
            }
            else
            {
                foreach (var values in page)
                {
                    for (var i = 1; i < values.Length; i++)
                    {
                        insert.Set(((char)('a' + i - 1)).ToString(), values[i]);
                    }

                    await insert.ExecuteNonQueryAsync();
                }
            }

            watch.Stop();
            rows += page.Count;
        }

        watch.Start();
        await tx.CommitAsync();
        watch.Stop();
        return (watch.Elapsed, rows);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<object[]> page)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY bench_bulk ({Columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var v in page)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync((Guid)v[1], NpgsqlDbType.Uuid);
            await copy.WriteAsync((string)v[2], NpgsqlDbType.Text);
            await copy.WriteAsync((long)v[3], NpgsqlDbType.Bigint);
            await copy.WriteAsync((string)v[4], NpgsqlDbType.Text);
            await copy.WriteAsync((int)v[5], NpgsqlDbType.Integer);
            await copy.WriteAsync(v[6], NpgsqlDbType.Date);
            await copy.WriteAsync(v[7], NpgsqlDbType.TimestampTz);
            await copy.WriteAsync((string)v[8], NpgsqlDbType.Text);
            await copy.WriteAsync((Guid)v[9], NpgsqlDbType.Uuid);
            await WriteNullableAsync(copy, v[10], NpgsqlDbType.Uuid);
            await WriteNullableAsync(copy, v[11], NpgsqlDbType.Uuid);
            await copy.WriteAsync((string)v[12], NpgsqlDbType.Jsonb);
            await copy.WriteAsync((string)v[13], NpgsqlDbType.Jsonb);
        }

        await copy.CompleteAsync();
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, object value, NpgsqlDbType type) =>
        value is DBNull ? copy.WriteNullAsync() : copy.WriteAsync(value, type);

    /// <summary>Every column of every event, in log order, read and dropped: the limit of any replay.</summary>
    public static async Task<(TimeSpan Elapsed, long Rows)> ReadLogAsync(SqlEventStore store)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await store.OpenConnectionAsync(default);
        await using var command = connection.Command(null, $"SELECT position, {Columns} FROM events ORDER BY position");
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[14];
        long rows = 0;
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }

        return (watch.Elapsed, rows);
    }
}

using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Serialization;
using CaseTracker.EventStore.Sql;
using Npgsql;

namespace CaseTracker.EventStore.Postgres;

/// <summary>
/// <see cref="IEventStore.AppendManyAsync"/> on PostgreSQL in at most four round trips, whatever the number of streams:
/// lock every stream and find the event ids already stored (<c>append_many_lock.sql</c>), take every claim of the batch
/// (<c>claims_take.sql</c>, only when the batch has claims), create the subjects' keys (<c>subject_keys_many.sql</c>),
/// insert every event and set the versions (<c>event_insert_many.sql</c>). The
/// decisions in between are the ones of the one-stream protocol, stream by stream in the order given.
/// </summary>
internal static class PostgresBulkAppend
{
    /// <summary>The bulk path needs each stream and each event id once; anything else takes the one-stream loop.</summary>
    public static bool Fits(IReadOnlyList<StreamAppend> appends)
    {
        var streams = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<Guid>();
        return appends.All(a => streams.Add(a.StreamId) && a.Events.All(e => ids.Add(e.EventId)));
    }

    /// <summary>The result, with nothing committed: the caller commits when events were written.</summary>
    public static async Task<AppendResult> RunAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, SqlScripts sql, IReadOnlyList<StreamAppend> appends, DateTimeOffset now,
        Action<int>? afterEventWritten, CancellationToken ct)
    {
        var (versions, stored) = await LockAsync(connection, tx, sql, appends, ct);
        var batch = new List<(StreamAppend Append, long From, List<NewEvent> Fresh)>();
        foreach (var append in appends)
        {
            var actual = versions[append.StreamId];
            if (!append.Expected.Accepts(actual))
            {
                // A retry of an append that already went through is not a conflict.
                if (append.Events.Count > 0 && append.Events.All(e => stored.TryGetValue(e.EventId, out var owner) && owner == append.StreamId))
                {
                    continue;
                }

                return new AppendResult.Conflict(append.StreamId, append.Expected, actual);
            }

            var fresh = new List<NewEvent>();
            foreach (var e in append.Events)
            {
                if (!stored.TryGetValue(e.EventId, out var owner))
                {
                    fresh.Add(e);
                }
                else if (owner != append.StreamId)
                {
                    throw new InvalidOperationException($"事件编号 {e.EventId} 已属于流 {owner}，不能再写入流 {append.StreamId}");
                }
            }

            if (fresh.Count > 0)
            {
                batch.Add((append, actual, fresh));
            }
        }

        if (batch.Count == 0)
        {
            return new AppendResult.Appended(0, null, 0);
        }

        if (appends.Any(a => a.ClaimsOrEmpty.Count > 0))
        {
            await using var commands = new PreparedCommands(connection, tx, sql);
            if (await SqlEventStore.TakeClaimsAsync(commands, appends.SelectMany(a => a.ClaimsOrEmpty.Select(c => (c, a.StreamId))), ct) is { } duplicate)
            {
                return duplicate;
            }
        }

        var keys = await KeysAsync(connection, tx, sql, batch.SelectMany(b => b.Fresh), now, ct);
        var (written, last) = await InsertAsync(connection, tx, sql, batch, keys, now, ct);
        for (var i = 1; i <= written; i++)
        {
            afterEventWritten?.Invoke(i);
        }

        return new AppendResult.Appended(0, last, written);
    }

    private static async Task<(Dictionary<string, long> Versions, Dictionary<Guid, string> Stored)> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, SqlScripts sql, IReadOnlyList<StreamAppend> appends, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql["append_many_lock"], connection, tx);
        command.Parameters.Add(new NpgsqlParameter<string[]>("streams", appends.Select(a => a.StreamId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("event_ids", appends.SelectMany(a => a.Events).Select(e => e.EventId).ToArray()));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        await reader.NextResultAsync(ct);
        var stored = new Dictionary<Guid, string>();
        while (await reader.ReadAsync(ct))
        {
            stored[reader.GetGuid(0)] = reader.GetString(1);
        }

        return (versions, stored);
    }

    /// <summary>The key of every subject whose personal data the events carry, created where missing.</summary>
    private static async Task<Dictionary<Guid, byte[]>> KeysAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, SqlScripts sql, IEnumerable<NewEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        var subjects = events.Select(e => e.Event is CaseEvent.Received { Applicant: { } applicant } ? applicant.SubjectId : (Guid?)null)
            .OfType<Guid>().Distinct().ToArray();
        var keys = new Dictionary<Guid, byte[]>();
        if (subjects.Length == 0)
        {
            return keys;
        }

        await using var command = new NpgsqlCommand(sql["subject_keys_many"], connection, tx);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("subjects", subjects));
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("keys", subjects.Select(_ => PersonalDataSeal.NewKey()).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", now));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            keys[reader.GetGuid(0)] = reader.GetFieldValue<byte[]>(1);
        }

        return keys;
    }

    /// <summary>From this many new events on, they go in by binary COPY (two more round trips, far less work per row).</summary>
    internal const int CopyFrom = 100;

    /// <summary>
    /// The events by binary COPY straight into the events table (positions and tx_id from its defaults, in the order
    /// given), then <c>event_copy_finish.sql</c>. The streams are locked and their event ids checked, so only a concurrent
    /// writer of one of these event ids to another stream can make the COPY fail: the whole append fails with it.
    /// </summary>
    private static async Task<(int Written, LogPosition Last)> CopyAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, SqlScripts sql, List<(StreamAppend Append, long From, List<NewEvent> Fresh)> batch,
        EventColumns rows, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY events (event_id, stream_id, stream_version, type, schema_version, business_date, recorded_at, actor, correlation_id, "
                + "causation_id, subject_id, payload, metadata) FROM STDIN (FORMAT BINARY)", ct);
            await rows.CopyAsync(copy, now, ct);
            await copy.CompleteAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException("追加期间另有事件编号被写入其他流，本次追加未写入任何事件", e);
        }

        await using var command = new NpgsqlCommand(sql["event_copy_finish"], connection, tx);
        command.Parameters.Add(new NpgsqlParameter<string[]>("streams", batch.Select(b => b.Append.StreamId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("versions", batch.Select(b => b.From + b.Fresh.Count).ToArray()));
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var last = new LogPosition(reader.GetInt64(0), reader.GetInt64(1));
        while (await reader.NextResultAsync(ct))
        {
        }

        return (rows.Count, last);
    }

    private static async Task<(int Written, LogPosition Last)> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, SqlScripts sql, List<(StreamAppend Append, long From, List<NewEvent> Fresh)> batch,
        Dictionary<Guid, byte[]> keys, DateTimeOffset now, CancellationToken ct)
    {
        var rows = new EventColumns(batch.Sum(b => b.Fresh.Count));
        foreach (var (append, from, fresh) in batch)
        {
            for (var i = 0; i < fresh.Count; i++)
            {
                var e = fresh[i];
                var data = await EventSerializer.SerializeAsync(e.EventId, e.Event, subject => Task.FromResult(keys[subject]));
                rows.Add(append.StreamId, from + i + 1, e, data);
            }
        }

        if (rows.Count >= CopyFrom)
        {
            return await CopyAsync(connection, tx, sql, batch, rows, now, ct);
        }

        await using var command = new NpgsqlCommand(sql["event_insert_many"], connection, tx);
        rows.AddParameters(command.Parameters);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("recorded_at", now));
        command.Parameters.Add(new NpgsqlParameter<string[]>("streams", batch.Select(b => b.Append.StreamId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("versions", batch.Select(b => b.From + b.Fresh.Count).ToArray()));
        int written;
        LogPosition last;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (written, last) = ((int)reader.GetInt64(0), new LogPosition(reader.GetInt64(1), reader.GetInt64(2)));
            while (await reader.NextResultAsync(ct))
            {
            }
        }

        // The streams are locked, so only a concurrent writer of the same event id to another stream gets here.
        return written == rows.Count
            ? (written, last)
            : throw new InvalidOperationException($"追加期间另有 {rows.Count - written} 个事件编号被写入其他流，本次追加未写入任何事件");
    }
}

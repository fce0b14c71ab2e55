using System.Text.Json;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Serialization;
using CaseTracker.EventStore.Sql;
using Npgsql;

namespace CaseTracker.EventStore.Postgres;

/// <summary>
/// <see cref="IEventStore.AppendAsync(string, ExpectedVersion, IReadOnlyList{NewEvent}, IReadOnlyList{UniqueClaim}, CancellationToken)"/>
/// on PostgreSQL in one round trip and the commit (<c>append_one.sql</c>) for the plain case: a known expected version
/// that holds, new event ids, subjects without a key yet or whose key is read back unchanged. Anything else is rolled
/// back and left to the general protocol, which decides it as before (a conflict, a retry, a duplicate claim).
/// </summary>
internal static class PostgresSingleAppend
{
    public static bool Fits(ExpectedVersion expected, IReadOnlyList<NewEvent> events) =>
        !expected.IsAny && events.Count > 0 && events.Select(e => e.EventId).Distinct().Count() == events.Count;

    /// <summary>The result with the transaction still open (the caller commits), or null: roll back, take the general path.</summary>
    public static async Task<AppendResult?> TryAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, SqlScripts sql, string streamId, ExpectedVersion expected,
        IReadOnlyList<NewEvent> events, IReadOnlyList<UniqueClaim> claims, DateTimeOffset now, CancellationToken ct)
    {
        var from = expected.Value;
        var proposed = new Dictionary<Guid, byte[]>();
        foreach (var e in events)
        {
            if (e.Event is CaseEvent.Received { Applicant: { } applicant })
            {
                proposed.TryAdd(applicant.SubjectId, PersonalDataSeal.NewKey());
            }
        }

        var rows = new EventColumns(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var data = await EventSerializer.SerializeAsync(events[i].EventId, events[i].Event, subject => Task.FromResult(proposed[subject]));
            rows.Add(streamId, from + i + 1, events[i], data);
        }

        var wanted = new Dictionary<UniqueClaim, string>();
        foreach (var claim in claims)
        {
            wanted.TryAdd(claim, streamId);
        }

        await using var command = new NpgsqlCommand(sql["append_one"], connection, tx);
        command.Parameters.Add(new NpgsqlParameter<string>("stream", streamId));
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("subjects", [.. proposed.Keys]));
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("keys", [.. proposed.Values]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", now));
        command.Parameters.Add(new NpgsqlParameter<string>("claims", JsonSerializer.Serialize(wanted.Select(w => new[] { w.Key.Scope, w.Key.Key, w.Value }))));
        rows.AddParameters(command.Parameters);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("recorded_at", now));
        command.Parameters.Add(new NpgsqlParameter<long>("from", from));
        command.Parameters.Add(new NpgsqlParameter<long>("version", from + events.Count));
        command.Parameters.Add(new NpgsqlParameter<long>("count", events.Count));

        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var actual = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var keysKept = true;
        while (await reader.ReadAsync(ct))
        {
            keysKept &= reader.GetFieldValue<byte[]>(1).AsSpan().SequenceEqual(proposed[reader.GetGuid(0)]);
        }

        await reader.NextResultAsync(ct);
        var holders = new List<(UniqueClaim Claim, string Holder)>();
        while (await reader.ReadAsync(ct))
        {
            holders.Add((new UniqueClaim(reader.GetString(0), reader.GetString(1)), reader.GetString(2)));
        }

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var (written, last, finished) = (reader.GetInt64(0), new LogPosition(reader.GetInt64(1), reader.GetInt64(2)), reader.GetInt64(3));
        while (await reader.NextResultAsync(ct))
        {
        }

        if (actual != from || !keysKept || written != events.Count || finished != 1)
        {
            return null;
        }

        // The first claim in the order given that another stream holds refuses the append (as TakeClaimsAsync decides).
        var order = wanted.Keys.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        return holders.Where(h => h.Holder != streamId && order.ContainsKey(h.Claim)).OrderBy(h => order[h.Claim])
                .Select(h => new AppendResult.Duplicate(h.Claim, streamId, h.Holder)).FirstOrDefault() is { } duplicate
            ? duplicate
            : new AppendResult.Appended(from + events.Count, last, events.Count);
    }
}

using System.Text.Json;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Serialization;
using CaseTracker.EventStore.Sql;
using Npgsql;

namespace CaseTracker.EventStore.Postgres;

/// <summary>
/// <see cref="IEventStore.AppendAsync(string, ExpectedVersion, IReadOnlyList{NewEvent}, IReadOnlyList{UniqueClaim}, CancellationToken)"/>
/// on PostgreSQL in ONE round trip, commit included (<c>append_one.sql</c>, the function of migration 0145), for the
/// plain case: a known expected version that holds, new event ids, subjects without a key yet, claims nobody holds.
/// Anything else raises in the server, which writes nothing, and is left to the general protocol, which decides it as
/// before (a conflict, a retry, a duplicate claim, a subject's existing key).
/// </summary>
internal static class PostgresSingleAppend
{
    /// <summary>What the server raises when the append is not the plain case (see 0145_append_one.sql).</summary>
    private const string NotPlain = "CT001";

    public static bool Fits(ExpectedVersion expected, IReadOnlyList<NewEvent> events) =>
        !expected.IsAny && events.Count > 0 && events.Select(e => e.EventId).Distinct().Count() == events.Count;

    /// <summary>
    /// The result, committed; or null when nothing was written and the general path must decide. With
    /// <paramref name="afterEventWritten"/> (a test's hook) the statement runs in an explicit transaction that stays
    /// open while the hook runs, as the general protocol's does.
    /// </summary>
    public static async Task<AppendResult?> TryAsync(
        NpgsqlConnection connection, SqlScripts sql, string streamId, ExpectedVersion expected,
        IReadOnlyList<NewEvent> events, IReadOnlyList<UniqueClaim> claims, DateTimeOffset now, Action<int>? afterEventWritten, CancellationToken ct)
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

        await using var tx = afterEventWritten is null ? null : await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
        await using var command = new NpgsqlCommand(sql["append_one"], connection, tx);
        command.Parameters.Add(new NpgsqlParameter<string>("stream", streamId));
        command.Parameters.Add(new NpgsqlParameter<long>("from", from));
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("subjects", [.. proposed.Keys]));
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("keys", [.. proposed.Values]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", now));
        command.Parameters.Add(new NpgsqlParameter<string>("claims", JsonSerializer.Serialize(claims.Distinct().Select(c => new[] { c.Scope, c.Key }))));
        rows.AddRowParameters(command.Parameters);
        LogPosition last;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            last = new LogPosition(reader.GetInt64(0), reader.GetInt64(1));
        }
        catch (PostgresException e) when (e.SqlState is NotPlain or PostgresErrorCodes.UniqueViolation)
        {
            return null;
        }

        if (tx is not null)
        {
            for (var i = 1; i <= events.Count; i++)
            {
                afterEventWritten!(i);
            }

            await tx.CommitAsync(ct);
        }

        return new AppendResult.Appended(from + events.Count, last, events.Count);
    }
}

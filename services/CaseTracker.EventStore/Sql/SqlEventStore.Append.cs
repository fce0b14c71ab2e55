using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CaseTracker.EventStore.Serialization;

namespace CaseTracker.EventStore.Sql;

public abstract partial class SqlEventStore
{
    public Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, CancellationToken ct = default) =>
        AppendAsync(streamId, expected, events, [], ct);

    public virtual async Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, IReadOnlyList<UniqueClaim> claims, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        await using var connection = await OpenConnectionAsync(ct);
        await using var tx = await BeginWriteAsync(connection, ct);
        await using var commands = new PreparedCommands(connection, tx, Sql);
        var result = await AppendInTransactionAsync(commands, streamId, expected, events, time.GetUtcNow(), ct);
        if (result is AppendResult.Appended { Written: > 0 } && await TakeClaimsAsync(commands, claims.Select(c => (c, streamId)), ct) is { } duplicate)
        {
            await tx.RollbackAsync(ct);
            return duplicate;
        }

        if (result is AppendResult.Appended { Written: > 0 })
        {
            await tx.CommitAsync(ct);
            OnAppended();
        }

        return result;
    }

    /// <summary>The current time of the store's clock (recorded_at of an append).</summary>
    protected DateTimeOffset Now() => time.GetUtcNow();

    /// <summary>
    /// The one-stream protocol for each stream in turn, in one transaction, then every claim of the batch in one
    /// statement; an adapter may do it in bulk.
    /// </summary>
    public virtual async Task<AppendResult> AppendManyAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        if (DuplicateWithinBatch(appends) is { } twice)
        {
            return twice;
        }

        await using var connection = await OpenConnectionAsync(ct);
        await using var tx = await BeginWriteAsync(connection, ct);
        await using var commands = new PreparedCommands(connection, tx, Sql);
        var now = time.GetUtcNow();
        var written = 0;
        LogPosition? last = null;
        foreach (var append in appends)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(append.StreamId);
            var result = await AppendInTransactionAsync(commands, append.StreamId, append.Expected, append.Events, now, ct);
            if (result is AppendResult.Conflict)
            {
                await tx.RollbackAsync(ct);
                return result;
            }

            var appended = (AppendResult.Appended)result;
            written += appended.Written;
            last = appended.LastPosition ?? last;
        }

        if (written > 0 && await TakeClaimsAsync(commands, appends.SelectMany(a => a.ClaimsOrEmpty.Select(c => (c, a.StreamId))), ct) is { } duplicate)
        {
            await tx.RollbackAsync(ct);
            return duplicate;
        }

        if (written > 0)
        {
            await tx.CommitAsync(ct);
            OnAppended();
        }

        return new AppendResult.Appended(0, last, written);
    }

    private async Task<AppendResult> AppendInTransactionAsync(
        PreparedCommands commands, string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        var actual = Convert.ToInt64(await commands.ScalarAsync("stream_lock", ct, ("stream", streamId)), CultureInfo.InvariantCulture);
        if (!expected.Accepts(actual))
        {
            // A retry of an append that already went through is not a conflict.
            return events.Count > 0 && await AllInStreamAsync(commands, streamId, events, ct)
                ? new AppendResult.Appended(actual, null, 0)
                : new AppendResult.Conflict(streamId, expected, actual);
        }

        var version = actual;
        LogPosition? last = null;
        var metadata = new Dictionary<EventMetadata, string>(ReferenceEqualityComparer.Instance);
        var insert = commands.Get("event_insert");
        foreach (var e in events)
        {
            var data = await EventSerializer.SerializeAsync(e.EventId, e.Event, subject => KeyForAsync(commands, subject, now, ct));
            if (!metadata.TryGetValue(e.Metadata, out var metadataJson))
            {
                metadata[e.Metadata] = metadataJson = EventSerializer.SerializeMetadata(e.Metadata.ExtraOrEmpty);
            }

            SetEventParameters(insert, streamId, version + 1, e, data, metadataJson, now);
            var position = await InsertAsync(insert, ct);
            if (position is null)
            {
                await EnsureInStreamAsync(commands, streamId, e.EventId, ct);
                continue;
            }

            last = position;
            version++;
            AfterEventWritten?.Invoke((int)(version - actual));
        }

        if (version == actual)
        {
            return new AppendResult.Appended(actual, null, 0);
        }

        await commands.ExecuteAsync("append_finish", ct, ("stream", streamId), ("version", version));
        return new AppendResult.Appended(version, last, (int)(version - actual));
    }

    private static void SetEventParameters(
        DbCommand insert, string streamId, long version, NewEvent e, SerializedEvent data, string metadata, DateTimeOffset now)
    {
        insert.Set("event_id", e.EventId);
        insert.Set("stream", streamId);
        insert.Set("version", version);
        insert.Set("type", data.TypeName);
        insert.Set("schema_version", data.SchemaVersion);
        insert.Set("business_date", e.Event.On);
        insert.Set("recorded_at", now);
        insert.Set("actor", e.Metadata.Actor);
        insert.Set("correlation_id", e.Metadata.CorrelationId);
        insert.Set("causation_id", e.Metadata.CausationId);
        insert.Set("subject_id", data.SubjectId);
        insert.Set("payload", data.Payload);
        insert.Set("metadata", metadata);
    }

    /// <summary>The new event's position, or null when its id was already stored.</summary>
    private static async Task<LogPosition?> InsertAsync(DbCommand insert, CancellationToken ct)
    {
        await using var reader = await insert.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new LogPosition(reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    private static async Task EnsureInStreamAsync(PreparedCommands commands, string streamId, Guid eventId, CancellationToken ct)
    {
        var owner = await commands.ScalarAsync("event_stream_of", ct, ("event_id", eventId));
        if (owner is string other && other != streamId)
        {
            throw new InvalidOperationException($"事件编号 {eventId} 已属于流 {other}，不能再写入流 {streamId}");
        }
    }

    private static async Task<bool> AllInStreamAsync(PreparedCommands commands, string streamId, IReadOnlyList<NewEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            if (await commands.ScalarAsync("event_stream_of", ct, ("event_id", e.EventId)) as string != streamId)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<byte[]> KeyForAsync(PreparedCommands commands, Guid subject, DateTimeOffset now, CancellationToken ct)
    {
        return (byte[])(await commands.ScalarAsync("subject_key", ct, ("subject", subject), ("key", PersonalDataSeal.NewKey()), ("at", now)))!;
    }

    /// <summary>
    /// Takes the claims in one statement (<c>claims_take.sql</c>, in (scope, key) order so that concurrent writers never
    /// deadlock) and returns the first one held by another stream, or null when the stream holds them all now. Waits for
    /// a concurrent writer of the same claim to finish (PostgreSQL; SQLite has one writer at a time).
    /// </summary>
    internal static async Task<AppendResult.Duplicate?> TakeClaimsAsync(
        PreparedCommands commands, IEnumerable<(UniqueClaim Claim, string StreamId)> claims, CancellationToken ct)
    {
        var wanted = WantedClaims(claims);
        if (wanted.Count == 0)
        {
            return null;
        }

        await using var reader = await commands.Get("claims_take", ("claims", ClaimsJson(wanted))).ExecuteReaderAsync(ct);
        var held = new List<(UniqueClaim Claim, string Holder)>();
        while (await reader.ReadAsync(ct))
        {
            held.Add((new UniqueClaim(reader.GetString(0), reader.GetString(1)), reader.GetString(2)));
        }

        return Refused(wanted, held);
    }

    /// <summary>Each claim once, with the stream that takes it (the first one given).</summary>
    internal static Dictionary<UniqueClaim, string> WantedClaims(IEnumerable<(UniqueClaim Claim, string StreamId)> claims)
    {
        var wanted = new Dictionary<UniqueClaim, string>();
        foreach (var (claim, stream) in claims)
        {
            wanted.TryAdd(claim, stream);
        }

        return wanted;
    }

    /// <summary>The parameter of <c>claims_take.sql</c>: a JSON array of [scope, key, stream_id].</summary>
    internal static string ClaimsJson(Dictionary<UniqueClaim, string> wanted) =>
        JsonSerializer.Serialize(wanted.Select(w => new[] { w.Key.Scope, w.Key.Key, w.Value }));

    /// <summary>The first wanted claim, in the order given, that another stream holds; null when none.</summary>
    internal static AppendResult.Duplicate? Refused(Dictionary<UniqueClaim, string> wanted, IEnumerable<(UniqueClaim Claim, string Holder)> held)
    {
        var refused = new List<AppendResult.Duplicate>();
        foreach (var (claim, holder) in held)
        {
            if (wanted.TryGetValue(claim, out var stream) && stream != holder)
            {
                refused.Add(new AppendResult.Duplicate(claim, stream, holder));
            }
        }

        // The first in the order given, whatever order the statement returned them in.
        var order = wanted.Keys.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        return refused.OrderBy(d => order[d.Claim]).FirstOrDefault();
    }

    /// <summary>A claim that two streams of one batch take: the later one is refused in favour of the earlier.</summary>
    internal static AppendResult.Duplicate? DuplicateWithinBatch(IReadOnlyList<StreamAppend> appends)
    {
        var first = new Dictionary<UniqueClaim, string>();
        foreach (var append in appends)
        {
            foreach (var claim in append.ClaimsOrEmpty)
            {
                if (!first.TryAdd(claim, append.StreamId) && first[claim] != append.StreamId)
                {
                    return new AppendResult.Duplicate(claim, append.StreamId, first[claim]);
                }
            }
        }

        return null;
    }
}

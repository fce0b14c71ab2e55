using System.Globalization;
using System.Runtime.CompilerServices;

namespace CaseTracker.EventStore.Sql;

public abstract partial class SqlEventStore
{
    /// <summary>
    /// The whole stream of every case of the case read model received by <paramref name="asOf"/> within
    /// <paramref name="agencies"/> (null: every agency), one list per case in the ledger's order (agency, date received,
    /// 编号, ordinal): one query streamed from the database, so memory holds one case at a time (the export, issue 14).
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<EventEnvelope>> ReadCaseStreamsAsync(
        IReadOnlyCollection<string>? agencies, DateOnly asOf, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var names = agencies?.Select((_, i) => "@a" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var scope = names is null ? "1 = 1" : names.Count == 0 ? "1 = 0" : $"c.agency IN ({string.Join(", ", names)})";
        (string, object?)[] args = [.. (agencies ?? []).Select((a, i) => ("a" + i.ToString(CultureInfo.InvariantCulture), (object?)a)), ("as_of", asOf)];
        // Two stages (issue 14): this query's rows are read on one thread and deserialized (payloads decrypted) on the
        // caller's, through a bounded channel, so the database's work and the JSON's share the cores.
        var sql = Sql["case_streams_for_export"].Replace("{scope}", scope, StringComparison.Ordinal);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var rows = System.Threading.Channels.Channel.CreateBounded<RawEvent[]>(
            new System.Threading.Channels.BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadRawAsync(sql, args, rows.Writer, stop.Token), stop.Token);
        try
        {
            var stream = new List<EventEnvelope>();
            await foreach (var batch in rows.Reader.ReadAllAsync(stop.Token))
            {
                foreach (var raw in batch)
                {
                    var envelope = raw.ToEnvelope();
                    if (stream.Count > 0 && stream[0].StreamId != envelope.StreamId)
                    {
                        yield return stream;
                        stream = [];
                    }

                    stream.Add(envelope);
                }
            }

            if (stream.Count > 0)
            {
                yield return stream;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ReadRawAsync(string sql, (string, object?)[] args, System.Threading.Channels.ChannelWriter<RawEvent[]> rows, CancellationToken ct)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(ct);
            await using var command = connection.Command(null, sql, args);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var batch = new List<RawEvent>(256);
            while (await reader.ReadAsync(ct))
            {
                batch.Add(new RawEvent(reader.GetInt64(0), reader.GetInt64(1), reader.GetGuid(2), reader.GetString(3), reader.GetInt64(4),
                    reader.GetString(5), reader.GetInt32(6), reader.GetFieldValue<DateOnly>(7), reader.GetFieldValue<DateTimeOffset>(8),
                    reader.GetString(9), reader.GetGuid(10), reader.IsDBNull(11) ? null : reader.GetGuid(11), reader.GetString(12),
                    reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetFieldValue<byte[]>(14)));
                if (batch.Count == 256)
                {
                    await rows.WriteAsync([.. batch], ct);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await rows.WriteAsync([.. batch], ct);
            }

            rows.Complete();
        }
        catch (Exception error)
        {
            rows.Complete(error);
        }
    }

    /// <summary>A row of the export's query as read, before its payload and metadata are deserialized (<see cref="Map"/>'s columns).</summary>
    private sealed record RawEvent(long Commit, long Prepare, Guid EventId, string StreamId, long Version, string Type, int SchemaVersion,
        DateOnly BusinessDate, DateTimeOffset RecordedAt, string Actor, Guid CorrelationId, Guid? CausationId, string Payload, string Metadata, byte[]? Key)
    {
        public EventEnvelope ToEnvelope() => new(EventId, StreamId, Version, new LogPosition(Commit, Prepare), Type, SchemaVersion, BusinessDate,
            RecordedAt, Actor, CorrelationId, CausationId, Serialization.EventSerializer.DeserializeMetadata(Metadata),
            Serialization.EventSerializer.Deserialize(EventId, Type, SchemaVersion, Payload, Key));
    }
}

using System.Data.Common;
using CaseTracker.EventStore.Serialization;

namespace CaseTracker.EventStore.Postgres;

/// <summary>
/// The log's rows (<c>read_all.sql</c>, columns as <c>SqlEventStore.Map</c> reads them) with the payload taken as the
/// UTF-8 bytes the server sends (<see cref="DbDataReader.GetStream"/> on the text column, copied into one buffer kept for
/// the read; the metadata likewise) and deserialized from them (<see cref="EventSerializer.Deserialize(Guid, string, int, ReadOnlySpan{byte}, byte[])"/>):
/// no .NET string of the payload and no second UTF-8 copy of it (a replay reads a few hundred MB of JSON). A stream id,
/// type or actor equal to the previous row's is the same string again; extra metadata <c>{}</c> is one shared empty
/// dictionary, the previous row's metadata again the same dictionary. One instance per read (it keeps the previous row's strings and the buffer).
/// </summary>
internal sealed class PostgresLogReader
{
    private byte[] _payload = new byte[4096];
    private byte[] _metadata = new byte[256];
    private (byte[]? Json, IReadOnlyDictionary<string, string>? Metadata) _previousMetadata;
    private string _stream = "";
    private string _type = "";
    private string _actor = "";

    public EventEnvelope Map(DbDataReader r)
    {
        var eventId = r.GetGuid(2);
        var type = Same(ref _type, r.GetString(5));
        var schemaVersion = r.GetInt32(6);
        var key = r.IsDBNull(14) ? null : r.GetFieldValue<byte[]>(14);
        var metadata = EventSerializer.DeserializeMetadata(Bytes(r, 13, ref _metadata), ref _previousMetadata);
        var payload = Bytes(r, 12, ref _payload);
        return new EventEnvelope(
            eventId,
            Same(ref _stream, r.GetString(3)),
            r.GetInt64(4),
            new LogPosition(r.GetInt64(0), r.GetInt64(1)),
            type,
            schemaVersion,
            r.GetFieldValue<DateOnly>(7),
            r.GetFieldValue<DateTimeOffset>(8),
            Same(ref _actor, r.GetString(9)),
            r.GetGuid(10),
            r.IsDBNull(11) ? null : r.GetGuid(11),
            metadata,
            EventSerializer.Deserialize(eventId, type, schemaVersion, payload, key));
    }

    /// <summary>The column's bytes as sent (text: UTF-8, the client encoding Npgsql sets), in <paramref name="buffer"/> (grown as needed).</summary>
    private static ReadOnlySpan<byte> Bytes(DbDataReader r, int ordinal, ref byte[] buffer)
    {
        using var stream = r.GetStream(ordinal);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                return buffer.AsSpan(0, length);
            }

            length += read;
        }
    }

    /// <summary>The previous row's string when equal (keeps one string per run of equal values alive, not one per row).</summary>
    private static string Same(ref string previous, string text) => text == previous ? previous : previous = text;
}

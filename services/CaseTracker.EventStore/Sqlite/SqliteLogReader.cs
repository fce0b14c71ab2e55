using System.Globalization;
using System.Text;
using CaseTracker.EventStore.Serialization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CaseTracker.EventStore.Sqlite;

/// <summary>
/// The log read through the SQLite API (<c>read_all.sql</c>, columns as <c>SqlEventStore.Map</c> reads them): the payload
/// is deserialized from the UTF-8 bytes SQLite hands out, without a .NET string of it (a replay reads a few hundred MB of
/// JSON); a stream id, type or actor equal to the previous row's is the same string again; extra metadata <c>{}</c> is
/// one shared empty dictionary. Each value reads as Microsoft.Data.Sqlite reads it: a GUID from 16 bytes or its text, a
/// day and a time from their text (a time without an offset as UTC).
/// </summary>
internal static class SqliteLogReader
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    public static List<EventEnvelope> Read(SqliteConnection connection, string sql, LogPosition after, int maxCount)
    {
        var db = connection.Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out var stmt), db);
        using (stmt)
        {
            Bind(stmt, db, "@commit", after.Commit);
            Bind(stmt, db, "@prepare", after.Prepare);
            Bind(stmt, db, "@max", maxCount);
            var rows = new List<EventEnvelope>(Math.Min(maxCount, 5_000));
            var (streams, types, actors) = (new Recent(), new Recent(), new Recent());
            var metadata = (Json: (byte[]?)null, Metadata: (IReadOnlyDictionary<string, string>?)null);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var rc = raw.sqlite3_step(stmt);
                if (rc == raw.SQLITE_ROW)
                {
                    rows.Add(Row(stmt, streams, types, actors, ref metadata));
                    continue;
                }

                if ((rc == raw.SQLITE_BUSY || rc == raw.SQLITE_LOCKED) && rows.Count == 0 && waited.Elapsed < BusyTimeout)
                {
                    // As Microsoft.Data.Sqlite does: try again until the timeout.
                    raw.sqlite3_reset(stmt);
                    Thread.Sleep(1);
                    continue;
                }

                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, db);
                }

                return rows;
            }
        }
    }

    private static void Bind(sqlite3_stmt stmt, sqlite3 db, string name, long value)
    {
        var index = raw.sqlite3_bind_parameter_index(stmt, name);
        if (index > 0)
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(stmt, index, value), db);
        }
    }

    private static EventEnvelope Row(
        sqlite3_stmt stmt, Recent streams, Recent types, Recent actors, ref (byte[]? Json, IReadOnlyDictionary<string, string>? Metadata) previousMetadata)
    {
        var eventId = GuidAt(stmt, 2);
        var type = types.Of(raw.sqlite3_column_blob(stmt, 5));
        var schemaVersion = (int)raw.sqlite3_column_int64(stmt, 6);
        var key = raw.sqlite3_column_type(stmt, 14) == raw.SQLITE_NULL ? null : raw.sqlite3_column_blob(stmt, 14).ToArray();
        var metadata = EventSerializer.DeserializeMetadata(raw.sqlite3_column_blob(stmt, 13), ref previousMetadata);
        return new EventEnvelope(
            eventId,
            streams.Of(raw.sqlite3_column_blob(stmt, 3)),
            raw.sqlite3_column_int64(stmt, 4),
            new LogPosition(raw.sqlite3_column_int64(stmt, 0), raw.sqlite3_column_int64(stmt, 1)),
            type,
            schemaVersion,
            DateOnly.Parse(Chars(raw.sqlite3_column_blob(stmt, 7), stackalloc char[64]), CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(Chars(raw.sqlite3_column_blob(stmt, 8), stackalloc char[64]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            actors.Of(raw.sqlite3_column_blob(stmt, 9)),
            GuidAt(stmt, 10),
            raw.sqlite3_column_type(stmt, 11) == raw.SQLITE_NULL ? null : GuidAt(stmt, 11),
            metadata,
            EventSerializer.Deserialize(eventId, type, schemaVersion, raw.sqlite3_column_blob(stmt, 12), key));
    }

    /// <summary>As Microsoft.Data.Sqlite's GetGuid: a 16-byte blob as the GUID's bytes, anything else as its text.</summary>
    private static Guid GuidAt(sqlite3_stmt stmt, int column)
    {
        var blob = raw.sqlite3_column_type(stmt, column) == raw.SQLITE_BLOB;
        var bytes = raw.sqlite3_column_blob(stmt, column);
        return blob && bytes.Length == 16
            ? new Guid(bytes)
            : Guid.Parse(Chars(bytes, stackalloc char[64]));
    }

    private static ReadOnlySpan<char> Chars(ReadOnlySpan<byte> utf8, Span<char> buffer) =>
        utf8.Length <= buffer.Length ? buffer[..Encoding.UTF8.GetChars(utf8, buffer)] : Encoding.UTF8.GetString(utf8);

    /// <summary>The previous row's text of a column: equal bytes give the same string.</summary>
    private sealed class Recent
    {
        private byte[] _bytes = [];
        private string _text = "";
        private bool _any;

        public string Of(ReadOnlySpan<byte> utf8)
        {
            if (_any && utf8.SequenceEqual(_bytes))
            {
                return _text;
            }

            (_bytes, _text, _any) = (utf8.ToArray(), Encoding.UTF8.GetString(utf8), true);
            return _text;
        }
    }
}

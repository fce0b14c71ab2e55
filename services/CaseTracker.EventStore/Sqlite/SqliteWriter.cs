using System.Globalization;
using CaseTracker.Domain.Cases;
using CaseTracker.EventStore.Serialization;
using CaseTracker.EventStore.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CaseTracker.EventStore.Sqlite;

/// <summary>
/// The store's appends on SQLite. SQLite has one writer at a time anyway, so the store keeps one connection for its
/// appends (appends from many tasks queue on a semaphore instead of on the file lock) and keeps its statements
/// prepared for the connection's life, bound by index through the SQLite API itself: a new transaction re-prepares
/// nothing. Per stream: its version (<c>writer_stream_version.sql</c>: its last event's; migration 0165), each event
/// (<c>writer_event_insert.sql</c>, its position the last inserted rowid), a subject's key where the event carries
/// personal data (<c>writer_subject_key_get.sql</c>, written by <c>writer_subject_key_insert.sql</c> only for a subject
/// without one); then the claims of the whole append (<c>claims_take.sql</c>). Nothing else is written: a single-event
/// append dirties the pages of the event's row, its two unique indexes, the rowid sequence and a new subject's key. The
/// decisions are those of <see cref="SqlEventStore"/>'s general protocol. Any failure rolls the transaction back before
/// the connection takes the next append.
/// </summary>
/// <remarks>host6: the writer's transactions take their turns at the file's <see cref="SqliteWriteGate"/> with the
/// process's other writers (read-model follower, checkpoints, documents), after the writer's own semaphore.</remarks>
internal sealed class SqliteWriter(string connectionString, SqlScripts sql, SqliteWriteGate? fileGate = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;
    private Statements? _statements;
    private bool _disposed;

    /// <summary>Runs <paramref name="write"/> in a write transaction on the writer's connection; commits when it says so.</summary>
    public async Task<AppendResult> WriteAsync(Func<Session, (AppendResult Result, bool Commit)> write, Action<int>? afterEventWritten, DateTimeOffset now, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var statements = _statements ??= Open();
            using var turn = fileGate is null ? null : await fileGate.EnterAsync(append: true, ct);
            statements.Begin.Run();
            try
            {
                var (result, commit) = write(new Session(statements, afterEventWritten, now));
                (commit ? statements.Commit : statements.Rollback).Run();
                return result;
            }
            catch
            {
                if (raw.sqlite3_get_autocommit(statements.Db) == 0)
                {
                    statements.Rollback.Run();
                }

                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            _statements?.Dispose();
            _statements = null;
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private Statements Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using (var settings = connection.CreateCommand())
        {
            settings.CommandText = sql["connection_settings"];
            settings.ExecuteNonQuery();
        }

        _connection = connection;
        return new Statements(connection.Handle!, sql);
    }

    /// <summary>The writer's prepared statements (finalized with the writer).</summary>
    internal sealed class Statements(sqlite3 db, SqlScripts sql) : IDisposable
    {
        public sqlite3 Db { get; } = db;

        public Raw Begin { get; } = new(db, "BEGIN IMMEDIATE");

        public Raw Commit { get; } = new(db, "COMMIT");

        public Raw Rollback { get; } = new(db, "ROLLBACK");

        public Raw StreamVersion { get; } = new(db, sql["writer_stream_version"]);

        public Raw EventInsert { get; } = new(db, sql["writer_event_insert"]);

        public Raw EventStreamOf { get; } = new(db, sql["event_stream_of"]);

        public Raw SubjectKeyGet { get; } = new(db, sql["writer_subject_key_get"]);

        public Raw SubjectKeyInsert { get; } = new(db, sql["writer_subject_key_insert"]);

        public Raw ClaimsTake { get; } = new(db, sql["claims_take"]);

        public void Dispose()
        {
            foreach (var statement in new[] { Begin, Commit, Rollback, StreamVersion, EventInsert, EventStreamOf, SubjectKeyGet, SubjectKeyInsert, ClaimsTake })
            {
                statement.Dispose();
            }
        }
    }

    /// <summary>One prepared statement: parameters bound by index, run, reset.</summary>
    internal sealed class Raw : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _stmt;
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public Raw(sqlite3 db, string text)
        {
            _db = db;
            var rc = raw.sqlite3_prepare_v3(db, text, raw.SQLITE_PREPARE_PERSISTENT, out _stmt, out string tail);
            SqliteException.ThrowExceptionForRC(rc, db);
            if (!string.IsNullOrWhiteSpace(tail) && !tail.TrimStart().StartsWith("--", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"写入语句只能有一条：{text}");
            }
        }

        public void Text(string name, string value) => Check(raw.sqlite3_bind_text(_stmt, this[name], value));

        public void Utf8(string name, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_text(_stmt, this[name], value));

        public void Blob(string name, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_stmt, this[name], value));

        public void Int(string name, long value) => Check(raw.sqlite3_bind_int64(_stmt, this[name], value));

        /// <summary>A GUID as Microsoft.Data.Sqlite binds it: text, upper case ("D" format).</summary>
        public void Guid(string name, Guid? value)
        {
            if (value is not { } id)
            {
                Check(raw.sqlite3_bind_null(_stmt, this[name]));
                return;
            }

            Check(SqliteRows.BindGuid(_stmt, this[name], id));
        }

        private int this[string name]
        {
            get
            {
                if (!_index.TryGetValue(name, out var i))
                {
                    i = raw.sqlite3_bind_parameter_index(_stmt, "@" + name);
                    _index[name] = i > 0 ? i : throw new InvalidOperationException($"写入语句没有参数 @{name}");
                }

                return i;
            }
        }

        /// <summary>Runs a statement that returns no rows.</summary>
        public void Run()
        {
            try
            {
                while (Step())
                {
                }
            }
            finally
            {
                raw.sqlite3_reset(_stmt);
            }
        }

        /// <summary>The first column of the statement's one row as an integer, or null when it returns no row (then resets it).</summary>
        public long? Int64()
        {
            try
            {
                return Step() ? raw.sqlite3_column_int64(_stmt, 0) : null;
            }
            finally
            {
                raw.sqlite3_reset(_stmt);
            }
        }

        /// <summary>The first column of the statement's one row as bytes, or null when it returns no row (then resets it).</summary>
        public byte[]? Bytes()
        {
            try
            {
                return Step() ? raw.sqlite3_column_blob(_stmt, 0).ToArray() : null;
            }
            finally
            {
                raw.sqlite3_reset(_stmt);
            }
        }

        /// <summary>Runs the statement and maps each row (then resets it).</summary>
        public List<T> Rows<T>(Func<sqlite3_stmt, T> map)
        {
            var rows = new List<T>();
            try
            {
                while (Step())
                {
                    rows.Add(map(_stmt));
                }
            }
            finally
            {
                raw.sqlite3_reset(_stmt);
            }

            return rows;
        }

        public void Dispose() => _stmt.Dispose();

        private bool Step()
        {
            var rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_ROW)
            {
                return true;
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return false;
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
    }

    /// <summary>The one-stream protocol on the writer's transaction.</summary>
    internal sealed class Session(Statements s, Action<int>? afterEventWritten, DateTimeOffset now)
    {
        private static readonly byte[] EmptyMetadata = "{}"u8.ToArray();

        private readonly string _recordedAt = now.ToString(SqliteRows.TimeFormat, CultureInfo.InvariantCulture);
        private (EventMetadata? Of, byte[] Json) _metadata = (null, []);
        private (DateOnly Date, string Text) _businessDate;

        public AppendResult Append(string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
            s.StreamVersion.Text("stream", streamId);
            var actual = s.StreamVersion.Int64() ?? 0;
            if (!expected.Accepts(actual))
            {
                // A retry of an append that already went through is not a conflict.
                return events.Count > 0 && events.All(e => StreamOf(e.EventId) == streamId)
                    ? new AppendResult.Appended(actual, null, 0)
                    : new AppendResult.Conflict(streamId, expected, actual);
            }

            var version = actual;
            LogPosition? last = null;
            var insert = s.EventInsert;
            insert.Text("stream", streamId);
            foreach (var e in events)
            {
                var data = EventSerializer.SerializeUtf8(e.EventId, e.Event, KeyFor);
                Bind(insert, version + 1, e, data);
                insert.Run();
                if (raw.sqlite3_changes(s.Db) == 0)
                {
                    if (StreamOf(e.EventId) is { } other && other != streamId)
                    {
                        throw new InvalidOperationException($"事件编号 {e.EventId} 已属于流 {other}，不能再写入流 {streamId}");
                    }

                    continue;
                }

                var position = raw.sqlite3_last_insert_rowid(s.Db);
                last = new LogPosition(position, position);
                version++;
                afterEventWritten?.Invoke((int)(version - actual));
            }

            if (version == actual)
            {
                return new AppendResult.Appended(actual, null, 0);
            }

            return new AppendResult.Appended(version, last, (int)(version - actual));
        }

        /// <summary>Takes the claims (see <see cref="SqlEventStore.TakeClaimsAsync"/>): the first refused one, or null.</summary>
        public AppendResult.Duplicate? TakeClaims(IEnumerable<(UniqueClaim Claim, string StreamId)> claims)
        {
            var wanted = SqlEventStore.WantedClaims(claims);
            if (wanted.Count == 0)
            {
                return null;
            }

            s.ClaimsTake.Text("claims", SqlEventStore.ClaimsJson(wanted));
            var held = s.ClaimsTake.Rows(r => (
                new UniqueClaim(raw.sqlite3_column_text(r, 0).utf8_to_string(), raw.sqlite3_column_text(r, 1).utf8_to_string()),
                raw.sqlite3_column_text(r, 2).utf8_to_string()));
            return SqlEventStore.Refused(wanted, held);
        }

        private void Bind(Raw insert, long version, NewEvent e, SerializedUtf8 data)
        {
            // The events of an append usually share one metadata object: serialized once while it stays the same.
            if (!ReferenceEquals(_metadata.Of, e.Metadata))
            {
                _metadata = (e.Metadata, e.Metadata.Extra is not { Count: > 0 } extra ? EmptyMetadata : System.Text.Encoding.UTF8.GetBytes(EventSerializer.SerializeMetadata(extra)));
            }

            var metadata = _metadata.Json;

            if (_businessDate.Text is null || _businessDate.Date != e.Event.On)
            {
                _businessDate = (e.Event.On, e.Event.On.ToString(SqliteRows.DateFormat, CultureInfo.InvariantCulture));
            }

            insert.Guid("event_id", e.EventId);
            insert.Int("version", version);
            insert.Text("type", data.TypeName);
            insert.Int("schema_version", data.SchemaVersion);
            insert.Text("business_date", _businessDate.Text);
            insert.Text("recorded_at", _recordedAt);
            insert.Text("actor", e.Metadata.Actor);
            insert.Guid("correlation_id", e.Metadata.CorrelationId);
            insert.Guid("causation_id", e.Metadata.CausationId);
            insert.Guid("subject_id", data.SubjectId);
            insert.Utf8("payload", data.Payload);
            insert.Utf8("metadata", metadata);
        }

        private string? StreamOf(Guid eventId)
        {
            s.EventStreamOf.Guid("event_id", eventId);
            return s.EventStreamOf.Rows(r => raw.sqlite3_column_text(r, 0).utf8_to_string()) is [var stream] ? stream : null;
        }

        private byte[] KeyFor(Guid subject)
        {
            s.SubjectKeyGet.Guid("subject", subject);
            if (s.SubjectKeyGet.Bytes() is { } stored)
            {
                return stored;
            }

            var key = PersonalDataSeal.NewKey();
            var insert = s.SubjectKeyInsert;
            insert.Guid("subject", subject);
            insert.Blob("key", key);
            insert.Text("at", _recordedAt);
            insert.Run();
            return key;
        }
    }
}

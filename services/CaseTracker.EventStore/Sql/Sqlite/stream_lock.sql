-- The general protocol's stream version on SQLite (0165: derived from the events; the write transaction's BEGIN
-- IMMEDIATE is the lock). The store's own appends go through SqliteWriter (writer_stream_version.sql).
SELECT coalesce(max(stream_version), 0) FROM events WHERE stream_id = @stream;

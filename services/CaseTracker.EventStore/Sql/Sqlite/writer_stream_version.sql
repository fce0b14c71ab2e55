-- The append writer (SqliteWriter): a stream's version, the highest stream_version of its events (one seek in the
-- events' unique index on (stream_id, stream_version); 0165), inside BEGIN IMMEDIATE (one writer at a time, so it stays
-- true until commit). No event: a new stream (version 0).
SELECT coalesce(max(stream_version), 0) FROM events WHERE stream_id = @stream;

-- The append writer (SqliteWriter): the stream's version after its new events (one write per stream and append).
INSERT INTO streams (stream_id, version) VALUES (@stream, @version)
ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version;

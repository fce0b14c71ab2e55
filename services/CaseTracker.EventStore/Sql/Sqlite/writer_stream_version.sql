-- The append writer (SqliteWriter): a stream's version, inside BEGIN IMMEDIATE (one writer at a time, so it stays true
-- until commit). No row: a new stream (version 0).
SELECT version FROM streams WHERE stream_id = @stream;

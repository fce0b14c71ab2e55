-- Creates the stream's row if it is new and returns the stream's version. On PostgreSQL the upsert also locks the
-- row until commit: appends to one stream queue here, appends to different streams run side by side.
INSERT INTO streams (stream_id, version) VALUES (@stream, 0)
ON CONFLICT (stream_id) DO UPDATE SET version = streams.version
RETURNING version;

-- AppendMany, first round trip. Creates the rows of new streams and locks every stream of the batch until commit,
-- in stream_id order so that two bulk writers over overlapping streams never deadlock; returns each version.
INSERT INTO streams (stream_id, version)
SELECT s.stream_id, 0 FROM unnest(CAST(@streams AS text[])) AS s(stream_id) ORDER BY s.stream_id
ON CONFLICT (stream_id) DO UPDATE SET version = streams.version
RETURNING stream_id, version;
-- Which of the batch's event ids are stored already, and in which stream. A statement of its own: under READ
-- COMMITTED it sees whatever a concurrent append of the same streams committed while we waited for the locks.
SELECT event_id, stream_id FROM events WHERE event_id = ANY(CAST(@event_ids AS uuid[]));

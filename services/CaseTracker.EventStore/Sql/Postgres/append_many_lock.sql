-- AppendMany, first round trip. Locks every stream of the batch until commit (streams_lock, 0186: advisory locks in key
-- order, so that two bulk writers over overlapping streams never deadlock) and returns each version (0 for a new one).
SELECT stream_id, version FROM streams_lock(CAST(@streams AS text[]));
-- Which of the batch's event ids are stored already, and in which stream. A statement of its own: under READ
-- COMMITTED it sees whatever a concurrent append of the same streams committed while we waited for the locks.
SELECT event_id, stream_id FROM events WHERE event_id = ANY(CAST(@event_ids AS uuid[]));

-- A single-stream append in one round trip (then the commit), for an append whose expected version is known
-- (NoStream or Exact): lock the stream (creating its row), keep or create the subjects' keys, take the claims, insert
-- the events only when the stream is still at @from, and set the new version only when every event was new. The
-- caller checks what came back (version, keys, claims, count) and rolls back to the one-statement-at-a-time protocol
-- (SqlEventStore.AppendAsync) whenever anything differs from the plain case: a conflict, a retry, a subject that
-- already had a key.
INSERT INTO streams (stream_id, version) VALUES (@stream, 0)
ON CONFLICT (stream_id) DO UPDATE SET version = streams.version
RETURNING version;
INSERT INTO subject_keys (subject_id, key, created_at)
SELECT s.subject_id, s.key, @at FROM unnest(CAST(@subjects AS uuid[]), CAST(@keys AS bytea[])) AS s(subject_id, key)
ORDER BY s.subject_id
ON CONFLICT (subject_id) DO UPDATE SET created_at = subject_keys.created_at
RETURNING subject_id, key;
INSERT INTO unique_claims (scope, key, stream_id)
SELECT c ->> 0, c ->> 1, c ->> 2
FROM jsonb_array_elements(CAST(@claims AS jsonb)) AS c
ORDER BY 1, 2
ON CONFLICT (scope, key) DO UPDATE SET stream_id = unique_claims.stream_id
RETURNING scope, key, stream_id;
WITH inserted AS (
    INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, business_date, recorded_at, actor,
                        correlation_id, causation_id, subject_id, payload, metadata)
    SELECT e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, e.business_date, @recorded_at, e.actor,
           e.correlation_id, e.causation_id, e.subject_id, CAST(e.payload AS jsonb), CAST(e.metadata AS jsonb)
    FROM unnest(CAST(@event_ids AS uuid[]), CAST(@event_streams AS text[]), CAST(@stream_versions AS bigint[]),
                CAST(@types AS text[]), CAST(@schema_versions AS integer[]), CAST(@business_dates AS date[]),
                CAST(@actors AS text[]), CAST(@correlation_ids AS uuid[]), CAST(@causation_ids AS uuid[]),
                CAST(@subject_ids AS uuid[]), CAST(@payloads AS text[]), CAST(@metadata AS text[]))
         WITH ORDINALITY AS e(event_id, stream_id, stream_version, type, schema_version, business_date, actor,
                              correlation_id, causation_id, subject_id, payload, metadata, n)
    WHERE (SELECT version FROM streams WHERE stream_id = @stream) = @from
    ORDER BY e.n
    ON CONFLICT (event_id) DO NOTHING
    RETURNING tx_id, position),
finished AS (
    UPDATE streams SET version = @version
    WHERE stream_id = @stream AND (SELECT count(*) FROM inserted) = @count
    RETURNING 1)
SELECT count(*), coalesce(max(tx_id), 0), coalesce(max(position), 0), (SELECT count(*) FROM finished) FROM inserted;
SELECT pg_notify('casetracker_events', '');

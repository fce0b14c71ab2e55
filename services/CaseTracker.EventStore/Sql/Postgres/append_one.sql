-- A single-stream append as ONE plain statement (no function: one executor run, no PL/pgSQL calls): sent outside an
-- explicit transaction it is committed by the server (durably: fsync, synchronous_commit) before it answers, so the
-- plain case costs one round trip. In order, as the general protocol (SqlEventStore.AppendAsync) takes its locks: the
-- stream's row (created for NoStream, else moved from @from; locked until the end; every later step reads it, so none
-- runs before it), the subjects' new keys (in subject order), the claims (in (scope, key) order: no deadlocks), the
-- events (positions in the order given), the wake-up (delivered at commit, only when events were written).
-- The result: one row (this transaction's id and the last event's position) when it appended; NO row when the stream
-- was not at @from (nothing written: the stream step gave no row, so no later step had one). A subject that has a key,
-- a claim held already or an event id already stored raise unique_violation (23505), which writes nothing. In either
-- case the caller takes the general protocol, which decides as before: a conflict, a retry, a duplicate claim, a
-- subject's existing key, a claim the stream already holds.
WITH stream AS (
    INSERT INTO streams AS s (stream_id, version)
    SELECT @stream, @from + cardinality(@event_ids)
    WHERE @from = 0 OR EXISTS (SELECT FROM streams WHERE stream_id = @stream)
    ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version WHERE s.version = @from
    RETURNING s.version
), new_keys AS (
    INSERT INTO subject_keys (subject_id, key, created_at)
    SELECT k.subject_id, k.key, @at
    FROM stream, unnest(@subjects, @keys) AS k(subject_id, key)
    ORDER BY k.subject_id
    RETURNING subject_id
), claims AS (
    INSERT INTO unique_claims (scope, key, stream_id)
    SELECT c.scope, c.key, @stream
    FROM stream, (SELECT count(*) FROM new_keys) AS after_keys, unnest(@claim_scopes, @claim_keys) AS c(scope, key)
    ORDER BY c.scope, c.key
    RETURNING scope
), appended AS (
    INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, business_date, recorded_at, actor,
                        correlation_id, causation_id, subject_id, payload, metadata)
    SELECT e.event_id, @stream, @from + e.n, e.type, e.schema_version, e.business_date, @at, e.actor,
           e.correlation_id, e.causation_id, e.subject_id, CAST(e.payload AS jsonb), CAST(e.metadata AS jsonb)
    FROM stream, (SELECT count(*) FROM claims) AS after_claims,
         unnest(@event_ids, @types, @schema_versions, @business_dates, @actors, @correlation_ids, @causation_ids,
                @subject_ids, @payloads, @metadata)
         WITH ORDINALITY AS e(event_id, type, schema_version, business_date, actor, correlation_id, causation_id,
                              subject_id, payload, metadata, n)
    ORDER BY e.n
    RETURNING tx_id, position
)
SELECT last.tx_id, last.position, pg_notify('casetracker_events', '')
FROM (SELECT max(tx_id) AS tx_id, max(position) AS position FROM appended) AS last
WHERE last.position IS NOT NULL;

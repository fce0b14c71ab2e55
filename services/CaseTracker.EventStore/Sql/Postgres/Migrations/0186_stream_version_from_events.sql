-- PostgreSQL, as SQLite in 0165: a stream's version is the highest stream_version of its events, read from the events'
-- unique (stream_id, stream_version) index that every append writes anyway, instead of a streams row that every append
-- inserted or updated (issue 14: the single append spent 72 of its ~160 us in the executor on that upsert, and wrote
-- its row and index entry to the WAL). `streams` stays as a view for every reader (only streams that have events).
-- What the row's lock did, queue the appends of one stream, a transaction-level advisory lock on the stream id's hash
-- does now (key space 7305411004; no write, released at commit or rollback): stream_lock() for the one-stream protocol,
-- streams_lock() for a bulk append (in key order: two bulk writers never deadlock), and append_one itself. The version
-- is read after the lock, in a statement of its own, so it sees the commit of an append it waited for; the unique index
-- refuses a second event at one version whatever happens.
DROP TABLE streams;

CREATE VIEW streams AS
SELECT stream_id, max(stream_version) AS version FROM events GROUP BY stream_id;

-- The one-stream protocol's first step (stream_lock.sql): queue behind the stream's other appends, then its version.
CREATE FUNCTION stream_lock(p_stream text) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 7305411004));
    RETURN (SELECT coalesce(max(e.stream_version), 0) FROM events e WHERE e.stream_id = p_stream);
END
$$;

-- A bulk append's first step (append_many_lock.sql): every stream's lock, in key order, then each stream's version.
CREATE FUNCTION streams_lock(p_streams text[]) RETURNS TABLE (stream_id text, version bigint)
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(l.k)
    FROM (SELECT DISTINCT hashtextextended(s.id, 7305411004) AS k FROM unnest(p_streams) AS s(id) ORDER BY 1) AS l;
    RETURN QUERY
    SELECT s.id, coalesce((SELECT max(e.stream_version) FROM events e WHERE e.stream_id = s.id), 0)
    FROM unnest(p_streams) AS s(id);
END
$$;

-- append_one (0145, 0185) on the lock and the events' versions: nothing written for the stream but its events.
CREATE OR REPLACE FUNCTION append_one(
    p_stream text, p_from bigint, p_subjects uuid[], p_keys bytea[], p_at timestamptz, p_claims jsonb,
    p_event_ids uuid[], p_types text[], p_schema_versions integer[], p_business_dates date[], p_actors text[],
    p_correlation_ids uuid[], p_causation_ids uuid[], p_subject_ids uuid[], p_payloads text[], p_metadata text[])
RETURNS TABLE (commit_tx bigint, last_pos bigint)
LANGUAGE plpgsql AS $$
DECLARE
    v_count bigint := cardinality(p_event_ids);
    v_rows bigint;
BEGIN
    -- The stream's queue (what the streams row's lock was): appends of one stream wait here for each other's commit.
    PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 7305411004));
    IF (SELECT coalesce(max(e.stream_version), 0) FROM events e WHERE e.stream_id = p_stream) <> p_from THEN
        RAISE EXCEPTION USING ERRCODE = 'CT001', MESSAGE = 'append_one: the stream is not at the expected version';
    END IF;

    -- Statements with nothing to do are not run (a milestone has no subject and no claim).
    IF cardinality(p_subjects) = 1 THEN
        INSERT INTO subject_keys (subject_id, key, created_at) VALUES (p_subjects[1], p_keys[1], p_at)
        ON CONFLICT (subject_id) DO NOTHING;
        GET DIAGNOSTICS v_rows = ROW_COUNT;
        IF v_rows <> 1 THEN
            RAISE EXCEPTION USING ERRCODE = 'CT001', MESSAGE = 'append_one: a subject already has a key';
        END IF;
    ELSIF cardinality(p_subjects) > 1 THEN
        INSERT INTO subject_keys (subject_id, key, created_at)
        SELECT s.subject_id, s.key, p_at FROM unnest(p_subjects, p_keys) AS s(subject_id, key)
        ORDER BY s.subject_id
        ON CONFLICT (subject_id) DO NOTHING;
        GET DIAGNOSTICS v_rows = ROW_COUNT;
        IF v_rows <> cardinality(p_subjects) THEN
            RAISE EXCEPTION USING ERRCODE = 'CT001', MESSAGE = 'append_one: a subject already has a key';
        END IF;
    END IF;

    IF jsonb_array_length(p_claims) > 0 THEN
        INSERT INTO unique_claims (scope, key, stream_id)
        SELECT c ->> 0, c ->> 1, p_stream FROM jsonb_array_elements(p_claims) AS c
        ORDER BY 1, 2
        ON CONFLICT (scope, key) DO NOTHING;
        GET DIAGNOSTICS v_rows = ROW_COUNT;
        IF v_rows <> jsonb_array_length(p_claims) THEN
            RAISE EXCEPTION USING ERRCODE = 'CT001', MESSAGE = 'append_one: a claim is held already';
        END IF;
    END IF;

    -- One event (most appends): one row, without unnesting and sorting ten arrays.
    IF v_count = 1 THEN
        INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, business_date, recorded_at, actor,
                            correlation_id, causation_id, subject_id, payload, metadata)
        VALUES (p_event_ids[1], p_stream, p_from + 1, p_types[1], p_schema_versions[1], p_business_dates[1], p_at,
                p_actors[1], p_correlation_ids[1], p_causation_ids[1], p_subject_ids[1], CAST(p_payloads[1] AS jsonb),
                CAST(p_metadata[1] AS jsonb));
        RETURN QUERY SELECT pg_current_xact_id()::text::bigint, currval('events_position_seq');
        RETURN;
    END IF;

    INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, business_date, recorded_at, actor,
                        correlation_id, causation_id, subject_id, payload, metadata)
    SELECT e.event_id, p_stream, p_from + e.n, e.type, e.schema_version, e.business_date, p_at, e.actor,
           e.correlation_id, e.causation_id, e.subject_id, CAST(e.payload AS jsonb), CAST(e.metadata AS jsonb)
    FROM unnest(p_event_ids, p_types, p_schema_versions, p_business_dates, p_actors, p_correlation_ids,
                p_causation_ids, p_subject_ids, p_payloads, p_metadata)
         WITH ORDINALITY AS e(event_id, type, schema_version, business_date, actor, correlation_id, causation_id,
                              subject_id, payload, metadata, n)
    ORDER BY e.n;

    RETURN QUERY SELECT pg_current_xact_id()::text::bigint, currval('events_position_seq');
END
$$;

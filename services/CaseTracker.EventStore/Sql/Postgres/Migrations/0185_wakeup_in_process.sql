-- append_one (0145) without its NOTIFY. A NOTIFY in a transaction takes PostgreSQL's cluster-wide notify lock from
-- pre-commit until after the commit's WAL flush, so every appending commit on the server flushed alone, one after the
-- other (issue 14: the milestone's p99 at 50 requests/s; host7 counted 85-151 lock waits over 10 ms in 300 milestones),
-- and every append did the notification queue's work even with nobody listening. The store now wakes its own process's
-- subscribers itself after the commit, and other processes' by a NOTIFY of its own only when one listens
-- (PostgresWakeups, PostgresNotifier); the bulk scripts lost their NOTIFY too.
CREATE OR REPLACE FUNCTION append_one(
    p_stream text, p_from bigint, p_subjects uuid[], p_keys bytea[], p_at timestamptz, p_claims jsonb,
    p_event_ids uuid[], p_types text[], p_schema_versions integer[], p_business_dates date[], p_actors text[],
    p_correlation_ids uuid[], p_causation_ids uuid[], p_subject_ids uuid[], p_payloads text[], p_metadata text[])
RETURNS TABLE (commit_tx bigint, last_pos bigint)
LANGUAGE plpgsql AS $$
DECLARE
    v_count bigint := cardinality(p_event_ids);
    v_version bigint;
    v_rows bigint;
BEGIN
    IF p_from = 0 THEN
        INSERT INTO streams AS s (stream_id, version) VALUES (p_stream, v_count)
        ON CONFLICT (stream_id) DO UPDATE SET version = v_count WHERE s.version = 0
        RETURNING s.version INTO v_version;
    ELSE
        UPDATE streams SET version = p_from + v_count WHERE stream_id = p_stream AND version = p_from
        RETURNING version INTO v_version;
    END IF;
    IF v_version IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'CT001', MESSAGE = 'append_one: the stream is not at the expected version';
    END IF;

    INSERT INTO subject_keys (subject_id, key, created_at)
    SELECT s.subject_id, s.key, p_at FROM unnest(p_subjects, p_keys) AS s(subject_id, key)
    ORDER BY s.subject_id
    ON CONFLICT (subject_id) DO NOTHING;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    IF v_rows <> cardinality(p_subjects) THEN
        RAISE EXCEPTION USING ERRCODE = 'CT001', MESSAGE = 'append_one: a subject already has a key';
    END IF;

    INSERT INTO unique_claims (scope, key, stream_id)
    SELECT c ->> 0, c ->> 1, p_stream FROM jsonb_array_elements(p_claims) AS c
    ORDER BY 1, 2
    ON CONFLICT (scope, key) DO NOTHING;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    IF v_rows <> jsonb_array_length(p_claims) THEN
        RAISE EXCEPTION USING ERRCODE = 'CT001', MESSAGE = 'append_one: a claim is held already';
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

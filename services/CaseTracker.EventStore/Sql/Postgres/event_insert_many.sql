-- AppendMany, last round trip: every new event in one statement, in the order given (positions follow it), then the
-- streams' new versions (the wake-up follows the commit: PostgresNotifier). tx_id defaults to this transaction (see read_all.sql).
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
    ORDER BY e.n
    ON CONFLICT (event_id) DO NOTHING
    RETURNING tx_id, position)
SELECT count(*), coalesce(max(tx_id), 0), coalesce(max(position), 0) FROM inserted;
UPDATE streams AS s SET version = v.version
FROM unnest(CAST(@streams AS text[]), CAST(@versions AS bigint[])) AS v(stream_id, version)
WHERE s.stream_id = v.stream_id;

SELECT e.commit_pos, e.position, e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, e.business_date,
       e.recorded_at, e.actor, e.correlation_id, e.causation_id, e.payload, e.metadata, k.key
FROM events_log e LEFT JOIN subject_keys k ON k.subject_id = e.subject_id
WHERE e.stream_id = @stream AND e.stream_version <= @from
ORDER BY e.stream_version DESC
LIMIT @max;

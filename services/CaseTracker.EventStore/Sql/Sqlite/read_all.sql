-- One writer at a time: positions commit in order.
SELECT e.commit_pos, e.position, e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, e.business_date,
       e.recorded_at, e.actor, e.correlation_id, e.causation_id, e.payload, e.metadata, k.key
FROM events_log e LEFT JOIN subject_keys k ON k.subject_id = e.subject_id
WHERE e.position > @prepare
ORDER BY e.position
LIMIT @max;

-- Positions come from a sequence, so with concurrent writers a transaction can commit a lower position after another
-- has committed a higher one: reading "position > checkpoint" would skip it for good. So the log is ordered by
-- (writing transaction id, position), and only events written by transactions older than the oldest one still
-- running (the xmin of this statement's snapshot) are read. Any event that becomes visible later belongs to a
-- transaction at or after that xmin, so it sorts after everything read now. A long transaction delays readers;
-- it never makes them skip.
SELECT e.commit_pos, e.position, e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, e.business_date,
       e.recorded_at, e.actor, e.correlation_id, e.causation_id, e.payload, e.metadata, k.key
FROM events_log e LEFT JOIN subject_keys k ON k.subject_id = e.subject_id
WHERE (e.commit_pos, e.position) > (@commit, @prepare)
  AND e.commit_pos < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
ORDER BY e.commit_pos, e.position
LIMIT @max;

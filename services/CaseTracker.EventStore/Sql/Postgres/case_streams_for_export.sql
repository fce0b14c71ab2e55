-- Every event of the cases received by @as_of within «scope» ("agency IN (…)" or 1 = 1), whole streams one after
-- another in the ledger's order (agency, date received, 编号, in code point order): the export folds each case as its
-- stream ends, in one pass over the log instead of one stream read per case.
SELECT e.commit_pos, e.position, e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, e.business_date,
       e.recorded_at, e.actor, e.correlation_id, e.causation_id, e.payload, e.metadata, k.key
FROM case_read_model c
JOIN events_log e ON e.stream_id = c.stream_id
LEFT JOIN subject_keys k ON k.subject_id = e.subject_id
WHERE c.received_on <= @as_of AND {scope}
ORDER BY c.agency COLLATE "C", c.received_on, c.case_number COLLATE "C", c.stream_id, e.stream_version;

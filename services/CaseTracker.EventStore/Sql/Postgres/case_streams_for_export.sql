-- Every event of the cases received by @as_of within «scope» ("agency IN (…)" or 1 = 1), whole streams one after
-- another in the ledger's order (agency, date received, 编号, in code point order): the export folds each case as its
-- stream ends, in one pass over the log instead of one stream read per case.
-- Only what a fold needs (issue 14: positions, times and metadata were read, parsed and dropped).
SELECT e.stream_id, e.event_id, e.type, e.schema_version, e.payload, k.key
FROM case_read_model c
JOIN events_log e ON e.stream_id = c.stream_id
LEFT JOIN subject_keys k ON k.subject_id = e.subject_id
WHERE c.received_on <= @as_of AND {scope}
ORDER BY c.agency COLLATE "C", c.received_on, c.case_number COLLATE "C", c.stream_id, e.stream_version;

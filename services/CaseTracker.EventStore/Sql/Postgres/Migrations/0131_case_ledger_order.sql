-- The ledger's order (agency and 编号 in code point order, date received, then the stream), so the export's one query
-- (case_streams_for_export.sql) can walk the cases in order instead of sorting every event row (issue 14).
CREATE UNIQUE INDEX case_read_model_ledger ON case_read_model (agency COLLATE "C", received_on, case_number COLLATE "C", stream_id);

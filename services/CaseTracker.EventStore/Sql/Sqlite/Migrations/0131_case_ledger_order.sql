-- The ledger's order (agency, date received, 编号, then the stream), so the export's one query (case_streams_for_export.sql)
-- walks the cases in order and each case's events by (stream_id, stream_version), with no sort of the event rows
-- (issue 14; 100,000 cases in the sqlite3 shell: 0.95 s -> 0.74 s CPU). UNIQUE (stream_id is) so that SQLite knows each
-- case comes once and the events' own order finishes the ORDER BY.
CREATE UNIQUE INDEX case_read_model_ledger ON case_read_model (agency, received_on, case_number, stream_id);

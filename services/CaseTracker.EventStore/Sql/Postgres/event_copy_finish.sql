-- AppendMany after the events went in by COPY (PostgresBulkAppend, a large batch): the last position this session took
-- from the events' identity (the COPY's last row) and this transaction's id (the rows' tx_id), then the streams' new
-- versions (the wake-up follows the commit: PostgresNotifier).
SELECT pg_current_xact_id()::text::bigint, currval(pg_get_serial_sequence('events', 'position'));
UPDATE streams AS s SET version = v.version
FROM unnest(CAST(@streams AS text[]), CAST(@versions AS bigint[])) AS v(stream_id, version)
WHERE s.stream_id = v.stream_id;

-- AppendMany after the events went in by COPY (PostgresBulkAppend, a large batch): the last position this session took
-- from the events' identity (the COPY's last row) and this transaction's id (the rows' tx_id). The streams' versions
-- are their events' (0186); the wake-up follows the commit (PostgresNotifier).
SELECT pg_current_xact_id()::text::bigint, currval(pg_get_serial_sequence('events', 'position'));

-- Overdue is derived from today's date: the stored deadline does not move with the passing of days.
SELECT case_id FROM case_read_model WHERE status <> 'Closed' AND deadline < @today ORDER BY deadline, stream_id;

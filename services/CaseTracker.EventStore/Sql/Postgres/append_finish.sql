UPDATE streams SET version = @version WHERE stream_id = @stream;
-- Wakes subscribers (delivered at commit).
SELECT pg_notify('casetracker_events', '');

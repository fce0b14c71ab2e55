-- Wakes subscribers (delivered at commit).
SELECT pg_notify('casetracker_events', '');

-- A subscriber's wake-ups from other processes. The shared advisory lock, held as long as the connection lives, tells
-- other processes' stores that someone listens on this database (listeners_elsewhere.sql): without one they send no
-- NOTIFY at all.
LISTEN casetracker_events;
SELECT pg_advisory_lock_shared(7305411003);

-- Sent with append_one.sql in ONE round trip, after an error barrier (a Sync: its own implicit transaction, run once
-- the append has committed): wakes the subscribers of every process without holding PostgreSQL's cluster-wide notify
-- lock across the append's fsync, and without waiting for the disk itself (a lost wake-up only delays a subscriber
-- until its next poll). Only when the append's last event is stored (an append refused as not plain wakes nobody).
SELECT set_config('synchronous_commit', 'off', true), pg_notify('casetracker_events', '')
WHERE EXISTS (SELECT FROM events WHERE event_id = @event_id);

-- Wakes the subscribers of other processes (LISTEN casetracker_events) after appends committed; sent on its own,
-- outside the appends' transactions, and only when another process listens (PostgresNotifier). This transaction writes
-- nothing that must survive a crash (a lost wake-up only delays a subscriber until its next poll), so it does not wait
-- for the disk: it holds the cluster-wide notify lock for no fsync.
SELECT set_config('synchronous_commit', 'off', true), pg_notify('casetracker_events', '');

-- One writer per read model at a time (held to commit): a second runner of the same projection waits here, then
-- sees the first one's checkpoint and skips what it already applied.
SELECT pg_advisory_xact_lock(hashtextextended(@name, 7305411002));

-- One migrator at a time across processes.
SELECT pg_advisory_lock(7305411001);

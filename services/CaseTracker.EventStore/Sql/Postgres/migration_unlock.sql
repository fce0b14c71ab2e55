SELECT pg_advisory_unlock(7305411001);

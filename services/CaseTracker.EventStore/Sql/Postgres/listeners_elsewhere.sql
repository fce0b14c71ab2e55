-- Whether a LISTEN connection (listen.sql: the shared advisory lock 7305411003) other than this process's own (@mine:
-- their server process ids) waits on this database: only then do this process's appends send a NOTIFY (PostgresNotifier).
SELECT EXISTS (
    SELECT 1 FROM pg_locks
    WHERE locktype = 'advisory' AND granted
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND ((classid::bigint << 32) | objid::bigint) = 7305411003 AND objsubid = 1
      AND pid <> ALL(CAST(@mine AS integer[])));

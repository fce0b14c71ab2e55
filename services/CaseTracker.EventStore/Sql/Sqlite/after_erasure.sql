-- A deleted key must not survive in the write-ahead log: copy the pages back into the file and truncate the log.
PRAGMA wal_checkpoint(TRUNCATE);

-- The one-stream protocol's last step on PostgreSQL: nothing to write (0186: a stream's version is that of its last event).
SELECT CAST(@version AS bigint), CAST(@stream AS text) WHERE false;

-- Per connection (a pooled connection keeps them): durable commits, writers queue instead of failing, deleted
-- content (an erased subject's key) is overwritten in the file.
PRAGMA synchronous = FULL;
PRAGMA busy_timeout = 30000;
PRAGMA secure_delete = ON;
-- A page cache of 64 MB (default 2 MB): a page of read-model upserts touches random index pages all over the file;
-- with the default cache they are spilled to the WAL mid-transaction and read back again and again.
PRAGMA cache_size = -65536;
-- Statement journals (an upsert's undo for the statement) and temporary tables in memory, not in temporary files.
PRAGMA temp_store = MEMORY;

-- Per connection (a pooled connection keeps them): durable commits, writers queue instead of failing, deleted
-- content (an erased subject's key) is overwritten in the file.
PRAGMA synchronous = FULL;
PRAGMA busy_timeout = 30000;
PRAGMA secure_delete = ON;

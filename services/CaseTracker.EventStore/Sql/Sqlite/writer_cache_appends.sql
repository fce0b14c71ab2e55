-- The append writer (SqliteWriter) between bulk appends: a page cache of 2 MB (SQLite's default) instead of
-- connection_settings.sql's 64 MB. A single append touches a handful of pages; what a large cache costs it is SQLite's
-- commit: a b-tree split renumbers pages through a temporary page number past the end of the file (balance_nonroot,
-- PENDING_BYTE's page), after which the commit's cache truncation (pager_end_transaction -> pcache1TruncateUnsafe) scans
-- the cache's whole hash table, whose size follows the pages the cache holds (issue 14: 2.9 % of a single append's
-- samples with 64 MB, 0.9 % with 2 MB; the writer's splits come from the random stream and subject keys).
PRAGMA cache_size = -2048;

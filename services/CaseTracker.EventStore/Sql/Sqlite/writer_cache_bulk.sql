-- The append writer (SqliteWriter) for one bulk append (SqliteEventStore.BulkEvents events or more, e.g. an import's
-- chunk): connection_settings.sql's 64 MB, so that its pages are not spilled to the write-ahead log mid-transaction and
-- read back (keep in step with connection_settings.sql); writer_cache_appends.sql restores the small cache after it.
PRAGMA cache_size = -65536;

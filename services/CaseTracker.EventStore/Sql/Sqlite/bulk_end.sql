-- After a bulk load: the page cache of connection_settings.sql again (keep the two in step).
PRAGMA cache_size = -65536;

-- A bulk load (ProjectionRunner.Bulk.cs) runs in one transaction: a page cache that holds every page it dirties (up to
-- 1 GB, allocated only as pages are used), so each is written once, at commit, instead of being spilled to the WAL and
-- read back. For this connection only: bulk_end.sql sets it back before the connection returns to the pool.
PRAGMA cache_size = -1048576;

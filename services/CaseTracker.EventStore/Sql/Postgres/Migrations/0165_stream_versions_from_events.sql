-- SQLite's 0165 derives a stream's version from its events; PostgreSQL keeps its streams table (its row lock queues
-- concurrent appends to one stream). Nothing to change here.
SELECT 1;

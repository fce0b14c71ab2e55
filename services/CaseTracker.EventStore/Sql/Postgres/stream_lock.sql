-- The one-stream protocol's first step on PostgreSQL (0186): waits for the stream's other appends (an advisory lock
-- held until commit), then returns the stream's version, read from its events.
SELECT stream_lock(@stream);

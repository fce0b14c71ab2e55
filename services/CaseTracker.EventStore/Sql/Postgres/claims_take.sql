-- Takes an append's claims in one statement. @claims is a JSON array of [scope, key, stream_id]; a claim already held
-- keeps its holder. Returns every claim with its holder: one held by another stream refuses the append (rolled back).
-- A claim a concurrent transaction is taking waits for it to end, then returns its holder (or is taken here). Rows go
-- in (scope, key) order so that two writers of overlapping claims never deadlock.
INSERT INTO unique_claims (scope, key, stream_id)
SELECT c ->> 0, c ->> 1, c ->> 2
FROM jsonb_array_elements(CAST(@claims AS jsonb)) AS c
ORDER BY 1, 2
ON CONFLICT (scope, key) DO UPDATE SET stream_id = unique_claims.stream_id
RETURNING scope, key, stream_id;

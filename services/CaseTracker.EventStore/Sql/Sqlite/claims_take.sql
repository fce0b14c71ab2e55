-- Takes an append's claims in one statement. @claims is a JSON array of [scope, key, stream_id]; a claim already held
-- keeps its holder. Returns every claim with its holder: one held by another stream refuses the append (rolled back).
INSERT INTO unique_claims (scope, key, stream_id)
SELECT json_extract(c.value, '$[0]'), json_extract(c.value, '$[1]'), json_extract(c.value, '$[2]')
FROM json_each(@claims) AS c
WHERE true
ORDER BY 1, 2
ON CONFLICT (scope, key) DO UPDATE SET stream_id = unique_claims.stream_id
RETURNING scope, key, stream_id;

-- Each subject's key; a proposed new key is stored only for a subject that has none yet (subject order: no deadlocks).
INSERT INTO subject_keys (subject_id, key, created_at)
SELECT s.subject_id, s.key, @at FROM unnest(CAST(@subjects AS uuid[]), CAST(@keys AS bytea[])) AS s(subject_id, key)
ORDER BY s.subject_id
ON CONFLICT (subject_id) DO UPDATE SET created_at = subject_keys.created_at
RETURNING subject_id, key;

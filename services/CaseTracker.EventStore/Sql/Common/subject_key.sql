-- The subject's key; the proposed new key is stored only if the subject has none yet.
INSERT INTO subject_keys (subject_id, key, created_at) VALUES (@subject, @key, @at)
ON CONFLICT (subject_id) DO UPDATE SET created_at = subject_keys.created_at
RETURNING key;

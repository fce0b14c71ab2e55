INSERT INTO subject_keys (subject_id, key, created_at) VALUES (@subject, @key, @at) ON CONFLICT (subject_id) DO NOTHING;

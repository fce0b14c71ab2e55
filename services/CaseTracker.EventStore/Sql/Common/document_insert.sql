INSERT INTO documents (collection, key, body, version, updated_at, updated_by)
VALUES (@collection, @key, @body, 1, @at, @by)
ON CONFLICT (collection, key) DO NOTHING;

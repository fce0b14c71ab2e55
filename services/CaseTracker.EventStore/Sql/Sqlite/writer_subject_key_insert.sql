-- The append writer (SqliteWriter): a new subject's key (writer_subject_key_get.sql found none, inside the same
-- BEGIN IMMEDIATE: nobody else can have stored one since).
INSERT INTO subject_keys (subject_id, key, created_at) VALUES (@subject, @key, @at);

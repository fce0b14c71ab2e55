-- The append writer (SqliteWriter): the subject's key, if it has one. Read before writing: an event of a subject that
-- has a key already writes nothing to subject_keys (an upsert would rewrite its page).
SELECT key FROM subject_keys WHERE subject_id = @subject;

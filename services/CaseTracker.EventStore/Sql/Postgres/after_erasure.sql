-- The deleted key's old row version stays in the table file until vacuumed.
VACUUM subject_keys;

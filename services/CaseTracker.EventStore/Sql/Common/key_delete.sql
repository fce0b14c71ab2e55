DELETE FROM subject_keys WHERE subject_id = @subject;

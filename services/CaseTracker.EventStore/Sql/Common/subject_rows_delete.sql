-- With the subject's key: the read-model rows derived from its personal data.
DELETE FROM applicant_keys WHERE subject_id = @subject;

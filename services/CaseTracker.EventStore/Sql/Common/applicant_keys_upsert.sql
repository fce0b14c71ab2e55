-- Only while the subject still has its key: a page projected just before an erasure writes nothing after it.
INSERT INTO applicant_keys (case_id, subject_id, agency, received_on, kind, hash)
SELECT @case_id, @subject_id, @agency, @received_on, @kind, @hash
WHERE EXISTS (SELECT 1 FROM subject_keys WHERE subject_id = @subject_id)
ON CONFLICT (case_id, kind) DO UPDATE SET subject_id = excluded.subject_id, agency = excluded.agency,
    received_on = excluded.received_on, hash = excluded.hash;

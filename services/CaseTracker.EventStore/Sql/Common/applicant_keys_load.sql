-- applicant_keys_upsert.sql in the form a bulk load repeats for many rows (ProjectionContext.StageSet): the same guard,
-- only while the subject still has its key.
INSERT INTO applicant_keys (case_id, subject_id, agency, received_on, kind, hash)
SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6
FROM (VALUES (@case_id, @subject_id, @agency, @received_on, @kind, @hash)) AS v
WHERE EXISTS (SELECT 1 FROM subject_keys k WHERE k.subject_id = v.column2)
ON CONFLICT (case_id, kind) DO UPDATE SET subject_id = excluded.subject_id, agency = excluded.agency,
    received_on = excluded.received_on, hash = excluded.hash;

-- The closed cases of an agency whose personal data the retention rule erases: closed before @closed_before, no
-- reconsideration or lawsuit still open, not erased yet.
SELECT c.case_id, c.case_number FROM case_read_model c
WHERE c.agency = @agency AND c.closed_on IS NOT NULL AND c.closed_on < @closed_before
  AND c.reconsiderations_open = 0 AND c.lawsuits_open = 0
  AND NOT EXISTS (SELECT 1 FROM personal_data_erasures e WHERE e.case_id = c.case_id)
ORDER BY c.closed_on, c.case_number;

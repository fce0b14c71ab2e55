-- The filters of the case list (case_page.sql, case_count.sql): every filter optional (NULL = any), the agency scope a
-- JSON array (NULL = every agency), the search q matched on the 编号, the applicant's keyed hashes and the description
-- (GIN over bigrams, then strpos). «join»: the assignee table, joined only when a filter, the sort or the page needs it.
FROM case_read_model c
{join}
WHERE (CAST(@agencies AS jsonb) IS NULL OR c.agency IN (SELECT jsonb_array_elements_text(CAST(@agencies AS jsonb))))
  AND (CAST(@status AS text) IS NULL OR (CAST(@status AS text) = 'Open' AND c.status <> 'Closed') OR c.status = CAST(@status AS text))
  AND (CAST(@assignee AS text) IS NULL OR (CAST(@assignee AS text) = '' AND a.assignee IS NULL) OR a.assignee = CAST(@assignee AS text))
  AND (CAST(@overdue_on AS date) IS NULL OR (c.status <> 'Closed' AND c.deadline < CAST(@overdue_on AS date)))
  AND (CAST(@due_by AS date) IS NULL
       OR (c.status <> 'Closed' AND c.deadline >= CAST(@today AS date) AND c.deadline <= CAST(@due_by AS date)))
  AND (CAST(@channel AS text) IS NULL OR c.channel = CAST(@channel AS text))
  AND (CAST(@received_from AS date) IS NULL OR c.received_on >= CAST(@received_from AS date))
  AND (CAST(@received_to AS date) IS NULL OR c.received_on <= CAST(@received_to AS date))
  AND (CAST(@outcome AS text) IS NULL OR c.outcome = CAST(@outcome AS text))
  AND (CAST(@q AS text) IS NULL
       OR strpos(lower(c.case_number), lower(CAST(@q AS text))) > 0
       OR c.case_id IN (SELECT k.case_id FROM applicant_keys k
                        WHERE k.hash IN (CAST(@hash_name AS text), CAST(@hash_id AS text), CAST(@hash_phone AS text)))
       OR c.case_id IN (SELECT t.case_id FROM case_text t
                        WHERE t.grams @> CAST(@q_grams AS text[]) AND strpos(lower(t.description), CAST(@q_lower AS text)) > 0))

-- The filters of the case list (case_page.sql, case_count.sql): every filter optional (NULL = any), the agency scope a
-- JSON array (NULL = every agency), the search q matched on the 编号, the applicant's keyed hashes and the description
-- (FTS5 trigram: LIKE uses the index from 3 characters on). «join»: the assignee table, joined only when a filter, the
-- sort or the page needs it. The search is one set of case ids, a UNION of indexed lookups (the 编号 scan, the hashes, the
-- FTS): ORed row by row it tested every case (0.9 s at 100,000; 44 ms as a UNION). Left out entirely when q is not given.
FROM case_read_model c
{join}
WHERE (@agencies IS NULL OR c.agency IN (SELECT value FROM json_each(@agencies)))
  AND (@status IS NULL OR (@status = 'Open' AND c.status <> 'Closed') OR c.status = @status)
  AND (@assignee IS NULL OR (@assignee = '' AND a.assignee IS NULL) OR a.assignee = @assignee)
  AND (@overdue_on IS NULL OR (c.status <> 'Closed' AND c.deadline < @overdue_on))
  AND (@due_by IS NULL OR (c.status <> 'Closed' AND c.deadline >= @today AND c.deadline <= @due_by))
  AND (@channel IS NULL OR c.channel = @channel)
  AND (@received_from IS NULL OR c.received_on >= @received_from)
  AND (@received_to IS NULL OR c.received_on <= @received_to)
  AND (@outcome IS NULL OR c.outcome = @outcome)
  AND (c.case_id IN (SELECT n.case_id FROM case_read_model n WHERE instr(lower(n.case_number), lower(@q)) > 0
       UNION SELECT k.case_id FROM applicant_keys k WHERE k.hash IN (@hash_name, @hash_id, @hash_phone)
       UNION SELECT t.case_id FROM case_text t
             WHERE t.id IN (SELECT rowid FROM case_text_fts WHERE case_text_fts.description LIKE @q_like)))

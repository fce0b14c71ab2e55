-- The filters of the case list (case_page.sql, case_count.sql): every filter optional (NULL = any), the agency scope a
-- JSON array (NULL = every agency), the search q matched on the 编号, the applicant's keyed hashes and the description
-- (FTS5 trigram: LIKE uses the index from 3 characters on). «join»: the assignee table, joined only when a filter, the
-- sort or the page needs it.
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
  AND (@q IS NULL
       OR instr(lower(c.case_number), lower(@q)) > 0
       OR c.case_id IN (SELECT k.case_id FROM applicant_keys k WHERE k.hash IN (@hash_name, @hash_id, @hash_phone))
       OR c.case_id IN (SELECT t.case_id FROM case_text t
                        WHERE t.id IN (SELECT rowid FROM case_text_fts WHERE case_text_fts.description LIKE @q_like)))

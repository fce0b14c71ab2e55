-- One page of the case list: every filter optional (NULL = any), the agency scope a JSON array (NULL = every agency),
-- the search q matched on the 编号, the applicant's keyed hashes and the description (FTS5 trigram: LIKE uses the index
-- from 3 characters on). {sort} {dir} {cmp} are filled from case_page_sorts.sql; total counts the whole filtered set.
SELECT * FROM (
    SELECT c.*, a.assignee, COUNT(*) OVER () AS total, {sort} AS sort_key
    FROM case_read_model c
    LEFT JOIN case_assignees a ON a.case_id = c.case_id
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
) p
WHERE (@after_key IS NULL OR p.sort_key {cmp} @after_key OR (p.sort_key = @after_key AND p.case_id > @after_id))
ORDER BY p.sort_key {dir}, p.case_id
LIMIT @limit OFFSET @offset;

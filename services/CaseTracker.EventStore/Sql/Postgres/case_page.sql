-- One page of the case list: the filters of case_filter.sql («filter»), sorted on the column itself so an index can
-- give the order and LIMIT stops the scan (no COUNT over the whole set here: case_count.sql gives the total).
-- «sort» «key» «dir» «cmp» «type» are filled from case_page_sorts.sql; case_id breaks ties (keyset paging).
SELECT c.*, {assignee} AS assignee, {key} AS sort_key
{filter}
  AND (CAST(@after_key AS text) IS NULL OR {sort} {cmp} CAST(CAST(@after_key AS text) AS {type})
       OR ({sort} = CAST(CAST(@after_key AS text) AS {type}) AND c.case_id > CAST(@after_id AS uuid)))
ORDER BY {sort} {dir}, c.case_id
LIMIT @limit OFFSET @offset;

-- One page of the case list: the filters of case_filter.sql («filter»), sorted on the column itself so an index can
-- give the order and LIMIT stops the scan (no COUNT over the whole set here: case_count.sql gives the total).
-- «sort» «key» «dir» «cmp» «type» are filled from case_page_sorts.sql; case_id breaks ties (keyset paging).
SELECT c.*, {assignee} AS assignee, {key} AS sort_key
{filter}
  AND (@after_key IS NULL OR {sort} {cmp} @after_key
       OR ({sort} = @after_key AND c.case_id > @after_id))
ORDER BY {sort} {dir}, c.case_id
LIMIT @limit OFFSET @offset;

-- Where a page asked for by its number starts (issue 14): the sort key and case id of the row before it, found with the
-- page's filters and order but reading only the columns an index holds (0130_case_list_cover), so skipping the rows
-- of the earlier pages costs an index scan, not a table read per row. The page itself is then read by keyset
-- (case_page.sql after this row), which gives exactly the rows OFFSET gave: the order is total (case_id breaks ties).
SELECT {key} AS sort_key, c.case_id
{filter}
ORDER BY {sort} {dir}, c.case_id
LIMIT 1 OFFSET @skip;

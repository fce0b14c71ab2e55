-- The sort keys of the case list (name: order expression | the key as text, for the cursor | the key's type for the
-- cursor's comparison); case_page.sql adds case_id as the tie-break. Ordering on the column (a date, not its text)
-- lets an index (0075_case_list_speed) give the order.
received: c.received_on | to_char(c.received_on, 'YYYY-MM-DD') | date
deadline: COALESCE(c.deadline, DATE '9999-12-31') | to_char(COALESCE(c.deadline, DATE '9999-12-31'), 'YYYY-MM-DD') | date
number: c.case_number | c.case_number | text
agency: c.agency | c.agency | text
assignee: COALESCE(a.assignee, '') | COALESCE(a.assignee, '') | text
status: c.status | c.status | text

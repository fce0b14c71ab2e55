-- The sort keys of the case list (name: text expression); case_page.sql adds case_id as the tie-break.
received: to_char(c.received_on, 'YYYY-MM-DD')
deadline: COALESCE(to_char(c.deadline, 'YYYY-MM-DD'), '9999-12-31')
number: c.case_number
agency: c.agency
assignee: COALESCE(a.assignee, '')
status: c.status

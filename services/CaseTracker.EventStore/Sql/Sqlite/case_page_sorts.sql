-- The sort keys of the case list (name: text expression); case_page.sql adds case_id as the tie-break.
received: c.received_on
deadline: COALESCE(c.deadline, '9999-12-31')
number: c.case_number
agency: c.agency
assignee: COALESCE(a.assignee, '')
status: c.status

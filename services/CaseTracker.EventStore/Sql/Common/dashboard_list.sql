-- One list of the dashboard, most urgent first, at most @limit long: «where» is the list's condition, «order» its order
-- (ties broken by 编号), «scope» the agencies ("agency IN (…)" or TRUE).
SELECT case_id, stream_id, agency, case_number, applicant_type, channel, received_on, rule_set, status, paused_for, deadline,
    deadline_provisional, extended, closed_on, outcome, outcome_row_2021, outcome_row_2019, closed_late, reconsiderations,
    reconsiderations_open, lawsuits, lawsuits_open, appeals_corrected, corrections, last_version, updated_at,
    supplement_requested
FROM case_read_model
WHERE status <> 'Closed' AND received_on <= @today AND {scope} AND {where}
ORDER BY {order}
LIMIT @limit;

-- The open cases a supervisor's watch list can show on a day: deadline up to the end of the "due soon" window,
-- paused, or received recently enough that a supplement notice may still be due and none has gone out.
SELECT case_id, stream_id, agency, case_number, applicant_type, channel, received_on, rule_set, status, paused_for, deadline,
    deadline_provisional, extended, closed_on, outcome, outcome_row_2021, outcome_row_2019, closed_late, reconsiderations,
    reconsiderations_open, lawsuits, lawsuits_open, appeals_corrected, corrections, last_version, updated_at,
    supplement_requested
FROM case_read_model
WHERE status <> 'Closed' AND received_on <= @today
  AND (deadline <= @soon OR status = 'Paused'
       OR (status = 'Running' AND supplement_requested = @no AND received_on >= @notice_from))
ORDER BY deadline, case_number;

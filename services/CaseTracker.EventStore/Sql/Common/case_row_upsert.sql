-- A row never goes back to an older stream version (a deadline refresh racing the projection writes the older one).
INSERT INTO case_read_model (case_id, stream_id, agency, case_number, applicant_type, channel, received_on, rule_set, status, paused_for, deadline,
    deadline_provisional, extended, closed_on, outcome, outcome_row_2021, outcome_row_2019, closed_late, reconsiderations,
    reconsiderations_open, lawsuits, lawsuits_open, appeals_corrected, corrections, last_version, updated_at, supplement_requested)
VALUES (@case_id, @stream_id, @agency, @case_number, @applicant_type, @channel, @received_on, @rule_set, @status, @paused_for, @deadline,
    @deadline_provisional, @extended, @closed_on, @outcome, @outcome_row_2021, @outcome_row_2019, @closed_late, @reconsiderations,
    @reconsiderations_open, @lawsuits, @lawsuits_open, @appeals_corrected, @corrections, @last_version, @updated_at, @supplement_requested)
ON CONFLICT (case_id) DO UPDATE SET
    stream_id = excluded.stream_id, agency = excluded.agency, case_number = excluded.case_number,
    applicant_type = excluded.applicant_type, channel = excluded.channel, received_on = excluded.received_on,
    rule_set = excluded.rule_set, status = excluded.status, paused_for = excluded.paused_for, deadline = excluded.deadline,
    deadline_provisional = excluded.deadline_provisional, extended = excluded.extended, closed_on = excluded.closed_on,
    outcome = excluded.outcome, outcome_row_2021 = excluded.outcome_row_2021, outcome_row_2019 = excluded.outcome_row_2019,
    closed_late = excluded.closed_late, reconsiderations = excluded.reconsiderations,
    reconsiderations_open = excluded.reconsiderations_open, lawsuits = excluded.lawsuits, lawsuits_open = excluded.lawsuits_open,
    appeals_corrected = excluded.appeals_corrected, corrections = excluded.corrections, last_version = excluded.last_version,
    updated_at = excluded.updated_at, supplement_requested = excluded.supplement_requested
WHERE case_read_model.last_version <= excluded.last_version;

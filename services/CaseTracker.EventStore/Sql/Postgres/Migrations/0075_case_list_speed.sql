-- The case list at the scale of a province (issue 14): indexes that give each sort's order (LIMIT then stops the scan).
CREATE INDEX case_read_model_deadline_sort ON case_read_model ((COALESCE(deadline, DATE '9999-12-31')));
CREATE INDEX case_read_model_number ON case_read_model (case_number);
-- The dashboard's lists in deadline order (LIMIT stops the scan) and its totals from the index alone.
CREATE INDEX case_read_model_deadline ON case_read_model (deadline, case_number);
CREATE INDEX case_read_model_open ON case_read_model (agency, received_on, status, deadline);

-- The case list's two indexed orders (0105) with the columns the agency scope and the status filter test added, so the
-- position of a page by number is found in the index alone (case_page_boundary.sql: page 100 skipped 4,950 table rows,
-- issue 14). Supersedes 0105's indexes (same leading columns, so they still give the page's order).
CREATE INDEX case_read_model_received_cover ON case_read_model (received_on DESC, case_id, agency, status);
CREATE INDEX case_read_model_deadline_cover ON case_read_model (COALESCE(deadline, '9999-12-31'), case_id, agency, status);
DROP INDEX case_read_model_received_order;
DROP INDEX case_read_model_deadline_order;

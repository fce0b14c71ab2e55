-- The case list's sorts with their tie-break (case_page.sql: ORDER BY «sort» «dir», case_id), so an index gives the whole
-- order and LIMIT stops after the page (issue 14): newest received first, and by deadline. Supersedes the deadline
-- index of 0075 (same leading column).
CREATE INDEX case_read_model_received_order ON case_read_model (received_on DESC, case_id);
CREATE INDEX case_read_model_deadline_order ON case_read_model (COALESCE(deadline, '9999-12-31'), case_id);
DROP INDEX case_read_model_deadline_sort;

-- The erasures for the administrators' report, newest first, with the case's agency and 编号 (@agency NULL = all).
SELECT e.case_id, c.agency, c.case_number, e.erased_on, e.reason, e.erased_by, e.recorded_at
FROM personal_data_erasures e
LEFT JOIN case_read_model c ON c.case_id = e.case_id
WHERE (CAST(@agency AS text) IS NULL OR c.agency = CAST(@agency AS text))
ORDER BY e.recorded_at DESC, c.agency, c.case_number
LIMIT @limit;

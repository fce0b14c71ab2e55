-- The cases whose applicant gave this ID number (its keyed hash), with agency and 编号.
SELECT k.case_id, c.agency, c.case_number FROM applicant_keys k
JOIN case_read_model c ON c.case_id = k.case_id
WHERE k.kind = 'id' AND k.hash = @hash
ORDER BY c.agency, c.case_number;

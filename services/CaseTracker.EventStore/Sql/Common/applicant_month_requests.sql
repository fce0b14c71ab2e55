-- 按件 (国办函〔2020〕109号): the requests one applicant (keyed hash of the ID number or organisation code) made to one agency
-- in a calendar month, with their case numbers (the order of requests received the same day).
SELECT k.case_id, c.case_number, k.received_on
FROM applicant_keys k JOIN case_read_model c ON c.case_id = k.case_id
WHERE k.kind = 'id' AND k.hash = @hash AND k.agency = @agency AND k.received_on >= @month_start AND k.received_on <= @month_end;

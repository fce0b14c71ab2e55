-- Other cases whose applicant shares a keyed hash with this one, received in the window (条例第三十六条第六项).
SELECT k.case_id, k.kind, c.case_number, c.agency, c.received_on, t.description
FROM applicant_keys k
JOIN case_read_model c ON c.case_id = k.case_id
JOIN case_text t ON t.case_id = k.case_id
WHERE k.hash IN (@hash_name, @hash_id, @hash_phone) AND k.case_id <> @case_id
  AND k.received_on >= @since AND k.received_on <= @until;

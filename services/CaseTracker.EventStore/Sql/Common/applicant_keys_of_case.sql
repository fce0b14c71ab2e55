SELECT kind, hash FROM applicant_keys WHERE case_id = @case_id;

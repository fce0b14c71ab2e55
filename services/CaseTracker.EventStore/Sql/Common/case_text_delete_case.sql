DELETE FROM case_text WHERE case_id = @case_id;

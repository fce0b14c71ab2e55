DELETE FROM case_appeals WHERE case_id = @case_id;

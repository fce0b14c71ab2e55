DELETE FROM case_fees WHERE case_id = @case_id;

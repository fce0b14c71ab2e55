SELECT case_id, received_on, closed_on, outcome FROM case_read_model WHERE agency = @agency AND case_number = @case_number;

SELECT agency, COUNT(*) AS open_count FROM case_read_model WHERE status <> 'Closed' AND received_on <= @today GROUP BY agency;

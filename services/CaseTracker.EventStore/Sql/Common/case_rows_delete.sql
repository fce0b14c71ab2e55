DELETE FROM case_read_model;

DELETE FROM case_appeals;

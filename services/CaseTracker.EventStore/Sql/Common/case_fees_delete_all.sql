DELETE FROM case_fees;

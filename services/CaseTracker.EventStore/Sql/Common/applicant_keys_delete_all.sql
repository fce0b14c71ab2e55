DELETE FROM applicant_keys;

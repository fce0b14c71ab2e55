-- Erasures recorded whose subject still has its key (the shredding after the event did not happen: a crash): finished
-- by the next erasure run.
SELECT e.case_id, e.subject_id FROM personal_data_erasures e JOIN subject_keys k ON k.subject_id = e.subject_id;

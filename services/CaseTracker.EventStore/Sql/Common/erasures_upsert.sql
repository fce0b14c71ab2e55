INSERT INTO personal_data_erasures (case_id, subject_id, erased_on, reason, erased_by, recorded_at)
VALUES (@case_id, @subject_id, @erased_on, @reason, @erased_by, @recorded_at)
ON CONFLICT (case_id) DO UPDATE SET subject_id = excluded.subject_id, erased_on = excluded.erased_on, reason = excluded.reason,
    erased_by = excluded.erased_by, recorded_at = excluded.recorded_at;

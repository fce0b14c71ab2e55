SELECT case_id, appeal_id, kind, filed_on, after_reconsideration, concluded_on, result
FROM case_appeals WHERE filed_on >= @year_start AND filed_on <= @cutoff;

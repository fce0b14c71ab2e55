-- The fee notices section 六 of a year counts: sent, or paid, between the start of the year and the cutoff.
SELECT case_id, agency, notice_on, amount_fen, paid_on, paid_fen
FROM case_fees
WHERE (notice_on >= @year_start AND notice_on <= @cutoff) OR (paid_on >= @year_start AND paid_on <= @cutoff);

-- The cases a year's tables can count: received by the cutoff, and still open at the previous cutoff (end of the
-- previous year, or an earlier as-of date) or appealed in the year. A superset; the counting applies the exact rules.
SELECT c.case_id, c.agency, c.applicant_type, c.channel, c.received_on, c.closed_on, c.outcome
FROM case_read_model c
WHERE c.received_on <= @cutoff
  AND (c.closed_on IS NULL OR c.closed_on > @previous_cutoff
       OR EXISTS (SELECT 1 FROM case_appeals a WHERE a.case_id = c.case_id AND a.filed_on >= @year_start AND a.filed_on <= @cutoff));

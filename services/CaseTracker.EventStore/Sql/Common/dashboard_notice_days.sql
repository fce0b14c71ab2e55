-- Running cases with no supplement notice yet, received from @notice_from to today, counted per day of receipt: the
-- dashboard works out each day's notice due date (条例第三十条) and lists the cases of the days still due.
SELECT received_on, COUNT(*) AS cases
FROM case_read_model
WHERE status = 'Running' AND supplement_requested = @no AND received_on >= @notice_from AND received_on <= @today AND {scope}
GROUP BY received_on;

-- Open cases per 承办人 (NULL: not assigned yet) within the agency scope (JSON array; NULL = every agency).
SELECT a.assignee AS assignee, COUNT(*) AS open_count,
       SUM(CASE WHEN c.deadline < @today THEN 1 ELSE 0 END) AS overdue,
       SUM(CASE WHEN c.deadline >= @today AND c.deadline <= @soon THEN 1 ELSE 0 END) AS due_soon,
       SUM(CASE WHEN c.status = 'Paused' THEN 1 ELSE 0 END) AS paused
FROM case_read_model c
LEFT JOIN case_assignees a ON a.case_id = c.case_id
WHERE c.status <> 'Closed' AND (@agencies IS NULL OR c.agency IN (SELECT value FROM json_each(@agencies)))
GROUP BY a.assignee
ORDER BY a.assignee;

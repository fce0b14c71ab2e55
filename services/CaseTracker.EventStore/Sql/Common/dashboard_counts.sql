-- The dashboard's totals in one pass over the open cases of the scope («scope»: "agency IN (…)" or TRUE): open,
-- overdue, due today, due within the window, paused. The lists themselves are dashboard_list.sql, LIMITed.
SELECT COUNT(*) AS open_count,
    COALESCE(SUM(CASE WHEN deadline < @today THEN 1 ELSE 0 END), 0) AS overdue,
    COALESCE(SUM(CASE WHEN deadline = @today THEN 1 ELSE 0 END), 0) AS due_today,
    COALESCE(SUM(CASE WHEN deadline > @today AND deadline <= @soon THEN 1 ELSE 0 END), 0) AS due_soon,
    COALESCE(SUM(CASE WHEN status = 'Paused' THEN 1 ELSE 0 END), 0) AS paused
FROM case_read_model
WHERE status <> 'Closed' AND received_on <= @today AND {scope};

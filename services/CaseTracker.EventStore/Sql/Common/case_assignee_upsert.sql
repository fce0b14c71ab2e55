INSERT INTO case_assignees (case_id, assignee, assigned_on) VALUES (@case_id, @assignee, @assigned_on)
ON CONFLICT (case_id) DO UPDATE SET assignee = excluded.assignee, assigned_on = excluded.assigned_on;

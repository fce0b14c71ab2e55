INSERT INTO case_text (case_id, description) VALUES (@case_id, @description)
ON CONFLICT (case_id) DO UPDATE SET description = excluded.description;

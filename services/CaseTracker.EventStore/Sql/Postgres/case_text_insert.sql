INSERT INTO case_text (case_id, description, grams) VALUES (@case_id, @description, @grams)
ON CONFLICT (case_id) DO UPDATE SET description = excluded.description, grams = excluded.grams;

INSERT INTO notifications (user_name, digest_date, created_at, title, body) VALUES (@user_name, @digest_date, @created_at, @title, @body)
ON CONFLICT (user_name, digest_date) DO NOTHING;

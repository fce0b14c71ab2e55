SELECT user_name, digest_date, created_at, title, body, read_at FROM notifications WHERE user_name = @user_name
ORDER BY digest_date DESC LIMIT 60;

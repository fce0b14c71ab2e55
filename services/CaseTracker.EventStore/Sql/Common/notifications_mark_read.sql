UPDATE notifications SET read_at = @read_at WHERE user_name = @user_name AND read_at IS NULL;

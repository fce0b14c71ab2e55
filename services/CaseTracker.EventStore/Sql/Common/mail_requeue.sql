UPDATE mail_outbox SET state = 'pending', next_attempt_at = @now, attempts = 0, last_error = NULL
WHERE id = @id AND state = 'failed'

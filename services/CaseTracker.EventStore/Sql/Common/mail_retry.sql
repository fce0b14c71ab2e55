UPDATE mail_outbox SET state = @state, next_attempt_at = @next, lease_until = NULL, last_error = @error
WHERE id = @id AND state = 'sending'

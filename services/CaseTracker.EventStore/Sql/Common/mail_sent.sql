UPDATE mail_outbox SET state = 'sent', sent_at = @at, lease_until = NULL, last_error = NULL
WHERE id = @id AND state = 'sending'

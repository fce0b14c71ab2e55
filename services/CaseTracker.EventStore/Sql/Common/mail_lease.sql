UPDATE mail_outbox SET state = 'sending', lease_until = @lease, attempts = attempts + 1
WHERE id = @id AND ((state = 'pending' AND next_attempt_at <= @now) OR (state = 'sending' AND lease_until <= @now))

SELECT id FROM mail_outbox
WHERE (state = 'pending' AND next_attempt_at <= @now) OR (state = 'sending' AND lease_until <= @now)
ORDER BY next_attempt_at, id
LIMIT @limit

SELECT id, kind, recipient, subject, body, state, attempts, next_attempt_at, last_error, created_at, sent_at
FROM mail_outbox WHERE id = @id

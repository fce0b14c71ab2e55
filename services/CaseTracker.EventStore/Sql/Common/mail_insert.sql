INSERT INTO mail_outbox (id, kind, recipient, subject, body, state, attempts, next_attempt_at, created_at)
VALUES (@id, @kind, @recipient, @subject, @body, @state, 0, @at, @at)
ON CONFLICT (id) DO NOTHING

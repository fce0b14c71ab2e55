SELECT state, COUNT(*) AS n FROM mail_outbox GROUP BY state

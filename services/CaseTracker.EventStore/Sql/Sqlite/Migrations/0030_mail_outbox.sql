-- The mail outbox (services/CaseTracker/Mail): one row per message, its id the sender's idempotency key (enqueueing an
-- id twice keeps the first). state: pending → sending (leased until lease_until) → sent; failed after the last attempt;
-- off when SMTP was not configured at enqueue time (kept for the administrators, never sent).
CREATE TABLE mail_outbox (
    id              TEXT    NOT NULL PRIMARY KEY,
    kind            TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    lease_until     TEXT,
    last_error      TEXT,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT
);

CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);

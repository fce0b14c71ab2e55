-- The mail outbox (services/CaseTracker/Mail): one row per message, its id the sender's idempotency key (enqueueing an
-- id twice keeps the first). state: pending → sending (leased until lease_until) → sent; failed after the last attempt;
-- off when SMTP was not configured at enqueue time (kept for the administrators, never sent).
-- Times are ISO-8601 UTC text (as in the other tables), so that they compare the same way on both databases.
CREATE TABLE mail_outbox (
    id              text    NOT NULL PRIMARY KEY,
    kind            text    NOT NULL,
    recipient       text    NOT NULL,
    subject         text    NOT NULL,
    body            text    NOT NULL,
    state           text    NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at text    NOT NULL,
    lease_until     text,
    last_error      text,
    created_at      text    NOT NULL,
    sent_at         text
);

CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);

-- LitigationTracker's own file. Version 1.
CREATE TABLE IF NOT EXISTS cases (
    case_id      TEXT PRIMARY KEY,
    agency       TEXT NOT NULL,
    case_number  TEXT NOT NULL,
    received_on  TEXT NOT NULL,
    decided_on   TEXT NOT NULL,
    outcome_code TEXT NOT NULL,
    closure_kind TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS appeals (
    case_id               TEXT NOT NULL REFERENCES cases (case_id),
    appeal_id             TEXT NOT NULL,
    kind                  TEXT NOT NULL,
    filed_on              TEXT NOT NULL,
    forum                 TEXT NOT NULL,
    after_reconsideration INTEGER NOT NULL,
    concluded_on          TEXT,
    result                TEXT,
    PRIMARY KEY (case_id, appeal_id)
);

-- Messages consumed: a redelivered message id is recognised and changes nothing.
CREATE TABLE IF NOT EXISTS handled_messages (
    message_id TEXT PRIMARY KEY
);

-- Messages to publish, written in the same transaction as the appeal; deleted once the broker confirmed them.
CREATE TABLE IF NOT EXISTS outgoing (
    sequence   INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL UNIQUE,
    type       TEXT NOT NULL,
    body       TEXT NOT NULL
);

-- Appeals about the agency's disclosure work not tied to a case in CaseTracker (主动公开, or a request never recorded there).
CREATE TABLE IF NOT EXISTS agency_appeals (
    agency                TEXT NOT NULL,
    appeal_id             TEXT NOT NULL,
    kind                  TEXT NOT NULL,
    subject               TEXT NOT NULL,
    filed_on              TEXT NOT NULL,
    forum                 TEXT NOT NULL,
    after_reconsideration INTEGER NOT NULL,
    concluded_on          TEXT,
    result                TEXT,
    PRIMARY KEY (agency, appeal_id)
);

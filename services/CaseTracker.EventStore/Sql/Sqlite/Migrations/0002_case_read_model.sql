-- One row per case, as of its last event. "Overdue" is not stored: a query derives it from the deadline and today.
CREATE TABLE case_read_model (
    case_id               BLOB PRIMARY KEY,
    stream_id             TEXT    NOT NULL UNIQUE,
    agency                TEXT    NOT NULL,
    case_number           TEXT    NOT NULL,
    applicant_type        TEXT    NOT NULL,
    channel               TEXT    NOT NULL,
    received_on           TEXT    NOT NULL,
    rule_set              TEXT    NOT NULL,
    status                TEXT    NOT NULL,
    paused_for            TEXT    NOT NULL,
    deadline              TEXT,
    deadline_provisional  INTEGER NOT NULL,
    extended              INTEGER NOT NULL,
    closed_on             TEXT,
    outcome               TEXT,
    outcome_row_2021      TEXT,
    outcome_row_2019      TEXT,
    closed_late           INTEGER,
    reconsiderations      INTEGER NOT NULL,
    reconsiderations_open INTEGER NOT NULL,
    lawsuits              INTEGER NOT NULL,
    lawsuits_open         INTEGER NOT NULL,
    appeals_corrected     INTEGER NOT NULL,
    corrections           INTEGER NOT NULL,
    last_version          INTEGER NOT NULL,
    updated_at            TEXT    NOT NULL
);

CREATE INDEX case_read_model_watch ON case_read_model (status, deadline);
CREATE INDEX case_read_model_year ON case_read_model (agency, received_on);

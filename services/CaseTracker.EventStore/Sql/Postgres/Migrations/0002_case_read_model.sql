-- One row per case, as of its last event. "Overdue" is not stored: a query derives it from the deadline and today.
CREATE TABLE case_read_model (
    case_id               uuid PRIMARY KEY,
    stream_id             text        NOT NULL UNIQUE,
    agency                text        NOT NULL,
    case_number           text        NOT NULL,
    applicant_type        text        NOT NULL,
    channel               text        NOT NULL,
    received_on           date        NOT NULL,
    rule_set              text        NOT NULL,
    status                text        NOT NULL,
    paused_for            text        NOT NULL,
    deadline              date,
    deadline_provisional  boolean     NOT NULL,
    extended              boolean     NOT NULL,
    closed_on             date,
    outcome               text,
    outcome_row_2021      text,
    outcome_row_2019      text,
    closed_late           boolean,
    reconsiderations      integer     NOT NULL,
    reconsiderations_open integer     NOT NULL,
    lawsuits              integer     NOT NULL,
    lawsuits_open         integer     NOT NULL,
    appeals_corrected     integer     NOT NULL,
    corrections           integer     NOT NULL,
    last_version          bigint      NOT NULL,
    updated_at            timestamptz NOT NULL
);

CREATE INDEX case_read_model_watch ON case_read_model (status, deadline);
CREATE INDEX case_read_model_year ON case_read_model (agency, received_on);

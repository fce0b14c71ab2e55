-- Reconsiderations and lawsuits per case, for section 四 of the year-end tables.
CREATE TABLE case_appeals (
    case_id                BLOB    NOT NULL,
    appeal_id              TEXT    NOT NULL,
    kind                   TEXT    NOT NULL,
    filed_on               TEXT    NOT NULL,
    after_reconsideration  INTEGER NOT NULL,
    concluded_on           TEXT,
    result                 TEXT,
    PRIMARY KEY (case_id, appeal_id)
);

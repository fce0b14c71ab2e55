-- Reconsiderations and lawsuits per case, for section 四 of the year-end tables.
CREATE TABLE case_appeals (
    case_id                uuid    NOT NULL,
    appeal_id              text    NOT NULL,
    kind                   text    NOT NULL,
    filed_on               date    NOT NULL,
    after_reconsideration  boolean NOT NULL,
    concluded_on           date,
    result                 text,
    PRIMARY KEY (case_id, appeal_id)
);

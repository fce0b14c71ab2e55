-- Keyed hashes (HMAC-SHA-256, hex) of each case's applicant's normalised name, ID number and phone, beside the sealed
-- personal data: the search and the per-applicant counts match on them; nothing personal is kept in clear. Erasing the
-- subject (subject_keys row) deletes its rows in the same transaction (subject_rows_delete.sql).
CREATE TABLE applicant_keys (
    case_id     BLOB NOT NULL,
    subject_id  BLOB NOT NULL,
    agency      TEXT NOT NULL,
    received_on TEXT NOT NULL,
    kind        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    PRIMARY KEY (case_id, kind)
) WITHOUT ROWID;

CREATE INDEX applicant_keys_hash ON applicant_keys (hash, received_on);
CREATE INDEX applicant_keys_subject ON applicant_keys (subject_id);

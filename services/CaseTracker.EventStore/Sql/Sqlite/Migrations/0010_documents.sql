-- Reference data kept beside the streams: agencies, users, calendar notices, section 二 figures, published reports.
-- One JSON document per (collection, key); the version guards concurrent edits.
CREATE TABLE documents (
    collection  TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL,
    PRIMARY KEY (collection, key)
);

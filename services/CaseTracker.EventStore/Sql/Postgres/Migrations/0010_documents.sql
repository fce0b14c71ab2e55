-- Reference data kept beside the streams: agencies, users, calendar notices, section 二 figures, published reports.
-- One JSON document per (collection, key); the version guards concurrent edits.
CREATE TABLE documents (
    collection  text    NOT NULL,
    key         text    NOT NULL,
    body        text    NOT NULL,
    version     bigint  NOT NULL,
    updated_at  text    NOT NULL,
    updated_by  text    NOT NULL,
    PRIMARY KEY (collection, key)
);

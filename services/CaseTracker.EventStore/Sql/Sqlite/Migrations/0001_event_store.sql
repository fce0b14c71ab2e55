-- The log. position is the global order (SQLite has one writer at a time, so it is also commit order).
CREATE TABLE streams (
    stream_id TEXT PRIMARY KEY,
    version   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE events (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id       BLOB    NOT NULL UNIQUE,
    stream_id      TEXT    NOT NULL,
    stream_version INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    business_date  TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    actor          TEXT    NOT NULL,
    correlation_id BLOB    NOT NULL,
    causation_id   BLOB,
    subject_id     BLOB,
    payload        TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    UNIQUE (stream_id, stream_version)
);

-- One key per data subject; deleting the row erases the subject's personal data in every event (crypto-shredding).
CREATE TABLE subject_keys (
    subject_id BLOB PRIMARY KEY,
    key        BLOB NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE checkpoints (
    name        TEXT PRIMARY KEY,
    commit_pos  INTEGER NOT NULL,
    prepare_pos INTEGER NOT NULL
) WITHOUT ROWID;

CREATE VIEW events_log AS
SELECT position AS commit_pos, position, event_id, stream_id, stream_version, type, schema_version, business_date,
       recorded_at, actor, correlation_id, causation_id, subject_id, payload, metadata
FROM events;

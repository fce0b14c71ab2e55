-- The log. position comes from an identity sequence; tx_id is the writing transaction (see read_all.sql).
CREATE TABLE streams (
    stream_id text PRIMARY KEY,
    version   bigint NOT NULL
);

CREATE TABLE events (
    position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx_id          bigint      NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    event_id       uuid        NOT NULL UNIQUE,
    stream_id      text        NOT NULL,
    stream_version bigint      NOT NULL,
    type           text        NOT NULL,
    schema_version integer     NOT NULL,
    business_date  date        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    actor          text        NOT NULL,
    correlation_id uuid        NOT NULL,
    causation_id   uuid,
    subject_id     uuid,
    payload        jsonb       NOT NULL,
    metadata       jsonb       NOT NULL,
    UNIQUE (stream_id, stream_version)
);

CREATE INDEX events_log_order ON events (tx_id, position);

-- One key per data subject; deleting the row erases the subject's personal data in every event (crypto-shredding).
CREATE TABLE subject_keys (
    subject_id uuid PRIMARY KEY,
    key        bytea       NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE checkpoints (
    name        text PRIMARY KEY,
    commit_pos  bigint NOT NULL,
    prepare_pos bigint NOT NULL
);

CREATE VIEW events_log AS
SELECT tx_id AS commit_pos, position, event_id, stream_id, stream_version, type, schema_version, business_date,
       recorded_at, actor, correlation_id, causation_id, subject_id, payload::text AS payload, metadata::text AS metadata
FROM events;

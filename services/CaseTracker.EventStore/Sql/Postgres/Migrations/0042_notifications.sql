-- The in-app notification list: one daily digest per user and business day at most (the key refuses a second).
CREATE TABLE notifications (
    user_name   text        NOT NULL,
    digest_date date        NOT NULL,
    created_at  timestamptz NOT NULL,
    title       text        NOT NULL,
    body        text        NOT NULL,
    read_at     timestamptz,
    PRIMARY KEY (user_name, digest_date)
);

-- The in-app notification list: one daily digest per user and business day at most (the key refuses a second).
CREATE TABLE notifications (
    user_name   TEXT NOT NULL,
    digest_date TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    read_at     TEXT,
    PRIMARY KEY (user_name, digest_date)
) WITHOUT ROWID;

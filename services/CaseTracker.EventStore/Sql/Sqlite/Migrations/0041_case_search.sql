-- The request's description for the search box: an FTS5 index with the trigram tokenizer (any 3 characters of Chinese
-- text match; LIKE '%…%' uses it, shorter terms scan). External content: the text is kept once, in case_text.
CREATE TABLE case_text (
    id          INTEGER PRIMARY KEY,
    case_id     BLOB NOT NULL UNIQUE,
    description TEXT NOT NULL
);

CREATE VIRTUAL TABLE case_text_fts USING fts5(description, content = 'case_text', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER case_text_insert AFTER INSERT ON case_text BEGIN
    INSERT INTO case_text_fts (rowid, description) VALUES (new.id, new.description);
END;

CREATE TRIGGER case_text_delete AFTER DELETE ON case_text BEGIN
    INSERT INTO case_text_fts (case_text_fts, rowid, description) VALUES ('delete', old.id, old.description);
END;

CREATE TRIGGER case_text_update AFTER UPDATE ON case_text BEGIN
    INSERT INTO case_text_fts (case_text_fts, rowid, description) VALUES ('delete', old.id, old.description);
    INSERT INTO case_text_fts (rowid, description) VALUES (new.id, new.description);
END;

-- 承办人 of each case (the last CaseEvent.Assigned).
CREATE TABLE case_assignees (
    case_id     BLOB PRIMARY KEY,
    assignee    TEXT NOT NULL,
    assigned_on TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX case_assignees_assignee ON case_assignees (assignee);
CREATE INDEX case_read_model_received ON case_read_model (received_on, case_number);

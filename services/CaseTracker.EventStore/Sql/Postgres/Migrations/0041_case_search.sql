-- The request's description for the search box. Chinese has no spaces, and pg_trgm takes CJK characters for word
-- characters only under a UTF-8 LC_CTYPE (a --no-locale cluster has none), so the index is PostgreSQL's GIN over the
-- description's character bigrams (lower case, NFKC): a term's bigrams narrow the rows, strpos confirms the match.
CREATE TABLE case_text (
    case_id     uuid PRIMARY KEY,
    description text   NOT NULL,
    grams       text[] NOT NULL
);

CREATE INDEX case_text_grams ON case_text USING gin (grams);

-- 承办人 of each case (the last CaseEvent.Assigned).
CREATE TABLE case_assignees (
    case_id     uuid PRIMARY KEY,
    assignee    text NOT NULL,
    assigned_on date NOT NULL
);

CREATE INDEX case_assignees_assignee ON case_assignees (assignee);
CREATE INDEX case_read_model_received ON case_read_model (received_on, case_number);

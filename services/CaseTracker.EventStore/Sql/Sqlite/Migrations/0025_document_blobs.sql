-- The documents of case files (附件), content-addressed: one row per distinct content, by its SHA-256. On SQLite the
-- bytes are files in a directory next to the database (<database>.documents/ab/<sha256>); this table is their index,
-- written after the file is in place. A row is never updated: the same content uploaded again is the same blob, and
-- each upload is an event of its own in the case's stream (case.document-attached).
CREATE TABLE document_blobs (
    sha256       TEXT    NOT NULL PRIMARY KEY,
    size         INTEGER NOT NULL,
    content_type TEXT    NOT NULL,
    stored_at    TEXT    NOT NULL
) WITHOUT ROWID;

-- The documents of case files (附件), content-addressed: one row per distinct content, by its SHA-256, the bytes in the
-- row (bytea: transactional, in every pg_dump and replica, removed with the row; large objects would need their own
-- clean-up and permissions, and documents are limited to tens of megabytes, well under bytea's 1 GB). A row is never
-- updated: the same content uploaded again is the same blob, and each upload is an event of its own in the case's
-- stream (case.document-attached).
CREATE TABLE document_blobs (
    sha256       text        NOT NULL PRIMARY KEY,
    size         bigint      NOT NULL,
    content_type text        NOT NULL,
    content      bytea       NOT NULL,
    stored_at    timestamptz NOT NULL
);

-- PDFs, images and Office files are compressed already: store them out of line without trying to compress them again.
ALTER TABLE document_blobs ALTER COLUMN content SET STORAGE EXTERNAL;

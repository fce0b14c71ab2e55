-- The other case streams that attached a document with this content (SHA-256): an erased case's ID copy is deleted
-- only if no case whose personal data is kept holds the same bytes.
SELECT DISTINCT stream_id FROM events
WHERE type = 'case.document-attached' AND stream_id <> @stream AND payload->>'sha256' = @sha256;

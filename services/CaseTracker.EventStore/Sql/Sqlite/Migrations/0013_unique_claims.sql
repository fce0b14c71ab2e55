-- Unique claims (IEventStore, UniqueClaim): a key within a scope belongs to one stream, taken in the transaction of the
-- append that carries it (claims_take.sql). The first use: a case's 编号 within its agency ("case-number").
CREATE TABLE unique_claims (
    scope     TEXT NOT NULL,
    key       TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    PRIMARY KEY (scope, key)
) WITHOUT ROWID;

-- What the backfill below could not claim: a later case with a 编号 its agency had already given (data from before
-- the rule). Nothing is rewritten or lost; SqlEventStore.ClaimDuplicatesAsync lists them for the operator to correct.
CREATE TABLE unique_claim_duplicates (
    scope            TEXT NOT NULL,
    key              TEXT NOT NULL,
    stream_id        TEXT NOT NULL,
    holder_stream_id TEXT NOT NULL,
    PRIMARY KEY (scope, key, stream_id)
) WITHOUT ROWID;

-- Every existing case claims its 编号 within its agency, as the decider stores both (trimmed; trimmed here again for
-- rows written before it trimmed). Of cases sharing a number, the first received in log order keeps it.
INSERT INTO unique_claims (scope, key, stream_id)
SELECT 'case-number',
       trim(json_extract(payload, '$.agency'), ' ' || char(9, 10, 13, 12288)) || char(31)
       || trim(json_extract(payload, '$.caseNumber'), ' ' || char(9, 10, 13, 12288)),
       stream_id
FROM events
WHERE type = 'case.received'
ORDER BY position
ON CONFLICT (scope, key) DO NOTHING;

INSERT OR IGNORE INTO unique_claim_duplicates (scope, key, stream_id, holder_stream_id)
SELECT c.scope, c.key, r.stream_id, c.stream_id
FROM (SELECT trim(json_extract(payload, '$.agency'), ' ' || char(9, 10, 13, 12288)) || char(31)
             || trim(json_extract(payload, '$.caseNumber'), ' ' || char(9, 10, 13, 12288)) AS key,
             stream_id
      FROM events WHERE type = 'case.received') AS r
JOIN unique_claims c ON c.scope = 'case-number' AND c.key = r.key
WHERE r.stream_id <> c.stream_id;

-- Unique claims (IEventStore, UniqueClaim): a key within a scope belongs to one stream, taken in the transaction of the
-- append that carries it (claims_take.sql). The first use: a case's 编号 within its agency ("case-number").
CREATE TABLE unique_claims (
    scope     text NOT NULL,
    key       text NOT NULL,
    stream_id text NOT NULL,
    PRIMARY KEY (scope, key)
);

-- What the backfill below could not claim: a later case with a 编号 its agency had already given (data from before
-- the rule). Nothing is rewritten or lost; SqlEventStore.ClaimDuplicatesAsync lists them for the operator to correct.
CREATE TABLE unique_claim_duplicates (
    scope            text NOT NULL,
    key              text NOT NULL,
    stream_id        text NOT NULL,
    holder_stream_id text NOT NULL,
    PRIMARY KEY (scope, key, stream_id)
);

-- Every existing case claims its 编号 within its agency, as the decider stores both (trimmed; trimmed here again for
-- rows written before it trimmed). Of cases sharing a number, the first received in log order keeps it.
INSERT INTO unique_claims (scope, key, stream_id)
SELECT DISTINCT ON (r.key) 'case-number', r.key, r.stream_id
FROM (SELECT btrim(payload ->> 'agency', ' ' || chr(9) || chr(10) || chr(13) || chr(12288)) || chr(31)
             || btrim(payload ->> 'caseNumber', ' ' || chr(9) || chr(10) || chr(13) || chr(12288)) AS key,
             stream_id, tx_id, position
      FROM events WHERE type = 'case.received') AS r
ORDER BY r.key, r.tx_id, r.position;

INSERT INTO unique_claim_duplicates (scope, key, stream_id, holder_stream_id)
SELECT DISTINCT c.scope, c.key, r.stream_id, c.stream_id
FROM (SELECT btrim(payload ->> 'agency', ' ' || chr(9) || chr(10) || chr(13) || chr(12288)) || chr(31)
             || btrim(payload ->> 'caseNumber', ' ' || chr(9) || chr(10) || chr(13) || chr(12288)) AS key,
             stream_id
      FROM events WHERE type = 'case.received') AS r
JOIN unique_claims c ON c.scope = 'case-number' AND c.key = r.key
WHERE r.stream_id <> c.stream_id;

-- The indexes of a table that a bulk load into it drops and builds again afterwards: those created by CREATE INDEX,
-- not those backing a PRIMARY KEY or UNIQUE constraint.
SELECT i.relname::text, pg_get_indexdef(i.oid)
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
WHERE x.indrelid = to_regclass(@table)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
ORDER BY i.relname;

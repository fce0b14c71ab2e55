-- A bulk load into an empty table that an external-content FTS5 index follows by triggers (case_text → case_text_fts):
-- the index's name and the triggers that keep it (dropped for the load, the index then built once with 'rebuild', the
-- triggers created again; ProjectionRunner.Bulk.cs). One row per trigger; none when no FTS5 table names the table.
SELECT f.name, t.name, t.sql
FROM sqlite_master f
JOIN sqlite_master t ON t.type = 'trigger' AND t.tbl_name = @table
WHERE f.type = 'table' AND f.sql LIKE 'CREATE VIRTUAL TABLE%USING fts5(%'
  AND replace(f.sql, ' ', '') LIKE '%content=''' || @table || '''%'
ORDER BY f.name, t.name;

-- The indexes of a table that a bulk load into it drops and builds again afterwards: those created by CREATE INDEX
-- (a PRIMARY KEY's or UNIQUE constraint's index has no sql and stays).
SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name;

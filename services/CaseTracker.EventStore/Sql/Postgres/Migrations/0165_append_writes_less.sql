-- A single-stream append is one plain statement now (append_one.sql: a data-modifying WITH, no PL/pgSQL): the function
-- of 0145 is gone. (SQLite's 0165 derives a stream's version from its events; PostgreSQL keeps its streams table, whose
-- row lock queues concurrent appends to one stream.)
DROP FUNCTION append_one(text, bigint, uuid[], bytea[], timestamptz, jsonb, uuid[], text[], integer[], date[], text[], uuid[],
                         uuid[], uuid[], text[], text[]);

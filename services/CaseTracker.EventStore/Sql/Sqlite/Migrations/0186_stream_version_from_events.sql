-- PostgreSQL's 0186 derives a stream's version from its events, as SQLite's 0165 did: nothing to change here.
SELECT 1;

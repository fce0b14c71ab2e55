-- PostgreSQL's 0186 makes append_one do less per call (issue 14). Nothing to change on SQLite.
SELECT 1;

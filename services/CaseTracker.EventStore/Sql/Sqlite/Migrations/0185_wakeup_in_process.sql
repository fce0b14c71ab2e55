-- PostgreSQL's 0185 takes the NOTIFY out of append_one (its subscribers are woken after the commit, in the process or
-- by a NOTIFY of its own). SQLite wakes its subscribers in the process already: nothing to change here.
SELECT 1;

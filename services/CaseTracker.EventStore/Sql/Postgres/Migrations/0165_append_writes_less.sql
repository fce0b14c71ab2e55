-- SQLite's 0165 derives a stream's version from its events. PostgreSQL keeps its streams table (its row lock queues
-- concurrent appends to one stream) and the append_one function of 0145: one plain statement instead (a data-modifying
-- WITH) was tried (append7) and ran 30-45 us faster in the executor but cost as much or more server CPU per append
-- (planned again for each call: custom plans) and was not faster end to end. Nothing to change here.
SELECT 1;

-- The general protocol's last step on SQLite: nothing to write (0165: a stream's version is that of its last event).
SELECT @version, @stream WHERE 0;

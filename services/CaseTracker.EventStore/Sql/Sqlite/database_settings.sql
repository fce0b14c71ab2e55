-- Stored in the file: the write-ahead log lets readers run while one writer appends.
PRAGMA journal_mode = WAL;

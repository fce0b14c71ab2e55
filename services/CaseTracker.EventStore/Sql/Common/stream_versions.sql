SELECT stream_id, version FROM streams WHERE version > 0;

SELECT count(*) FROM events WHERE (tx_id, position) > (@commit, @prepare);
